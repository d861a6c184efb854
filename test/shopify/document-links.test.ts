import {
	BLOCK_END,
	BLOCK_START,
	checkLinkUrl,
	linksFromDescription,
	linksFromMetafield,
	mergeLinks,
	metafieldValue,
	removeLinks,
	renderBlock,
	writeDescriptionBlock,
} from '../../nodes/ShopifyGraphqlAdmin/helpers/documentLinks';

const SDS = {
	url: 'https://otcs.example.com/otcs/cs.exe/app/nodes/101',
	title: 'Safety data sheet',
};
const MANUAL = { url: 'https://otcs.example.com/otcs/cs.exe/app/nodes/102', title: 'Manual' };
const MERCHANT = '<p>Lightweight trail running shoe &amp; more.</p>';

describe('metafield values', () => {
	it('writes list.url as a JSON array string and url as the URL', () => {
		expect(metafieldValue('list.url', [SDS, MANUAL])).toBe(JSON.stringify([SDS.url, MANUAL.url]));
		expect(metafieldValue('url', [SDS])).toBe(SDS.url);
	});

	it('reads url, list.url and json values', () => {
		expect(linksFromMetafield({ type: 'url', value: SDS.url })).toEqual([{ url: SDS.url }]);
		expect(
			linksFromMetafield({ type: 'list.url', value: JSON.stringify([SDS.url, MANUAL.url]) }),
		).toEqual([{ url: SDS.url }, { url: MANUAL.url }]);
		expect(
			linksFromMetafield({
				type: 'json',
				value: JSON.stringify([
					{ title: 'Care guide', url: SDS.url, docType: 'care-guide' },
					MANUAL.url,
					{ title: 'no url' },
				]),
			}),
		).toEqual([
			{ url: SDS.url, title: 'Care guide', extra: { docType: 'care-guide' } },
			{ url: MANUAL.url },
		]);
		expect(linksFromMetafield({ type: 'list.url', value: 'not json' })).toEqual([]);
		expect(linksFromMetafield(null)).toEqual([]);
	});

	it('writes json entries with title, url and the further fields', () => {
		const value = metafieldValue('json', [
			{ url: SDS.url, title: 'SDS', extra: { docType: 'sds' } },
			{ url: MANUAL.url },
		]);
		expect(JSON.parse(value)).toEqual([
			{ title: 'SDS', url: SDS.url, docType: 'sds' },
			{ url: MANUAL.url },
		]);
	});

	it('keeps further json fields when a known URL is published again', () => {
		const existing = [
			{
				url: SDS.url,
				title: 'Care guide',
				extra: { docType: 'care-guide', approvedAt: '2026-01-05' },
			},
		];
		const merged = mergeLinks(existing, [
			{ url: SDS.url, title: 'Care guide v2', extra: { approvedAt: '2026-03-01' } },
		]);
		expect(merged).toEqual([
			{
				url: SDS.url,
				title: 'Care guide v2',
				extra: { docType: 'care-guide', approvedAt: '2026-03-01' },
			},
		]);
	});
});

describe('mergeLinks and removeLinks', () => {
	it('appends new URLs and keeps known ones in place with the new title', () => {
		const merged = mergeLinks(
			[{ url: SDS.url }, MANUAL],
			[{ url: `${SDS.url}/`, title: 'SDS v2' }, { url: 'https://x.example/a' }],
		);
		expect(merged).toEqual([
			{ url: SDS.url, title: 'SDS v2' },
			MANUAL,
			{ url: 'https://x.example/a' },
		]);
	});

	it('counts a URL repeated in the input once', () => {
		expect(mergeLinks([], [SDS, SDS])).toEqual([SDS]);
	});

	it('removes by URL, ignoring a trailing slash and host case', () => {
		const { kept, removed } = removeLinks(
			[SDS, MANUAL],
			['https://OTCS.example.com/otcs/cs.exe/app/nodes/101/'],
		);
		expect(kept).toEqual([MANUAL]);
		expect(removed).toEqual([SDS]);
	});
});

describe('checkLinkUrl', () => {
	it('accepts http and https URLs', () => {
		expect(checkLinkUrl(` ${SDS.url} `, 'URL')).toBe(SDS.url);
	});

	it.each(['', 'otcs.example.com/x', 'javascript:alert(1)', 'mailto:a@example.com'])(
		'rejects %j',
		(value) => {
			expect(() => checkLinkUrl(value, 'URL')).toThrow(/URL/);
		},
	);
});

describe('description block', () => {
	it('appends a block and leaves the merchant text untouched', () => {
		const html = writeDescriptionBlock(MERCHANT, [SDS], 'Documents');
		expect(html.startsWith(`${MERCHANT}\n${BLOCK_START}`)).toBe(true);
		expect(html.endsWith(BLOCK_END)).toBe(true);
		expect(linksFromDescription(html)).toEqual([SDS]);
	});

	it('replaces its own block instead of adding a second one', () => {
		const once = writeDescriptionBlock(MERCHANT, [SDS], 'Documents');
		const twice = writeDescriptionBlock(once, [SDS, MANUAL], 'Documents');
		expect(twice.split(BLOCK_START)).toHaveLength(2);
		expect(twice.startsWith(MERCHANT)).toBe(true);
		expect(linksFromDescription(twice)).toEqual([SDS, MANUAL]);
	});

	it('keeps text after the block and merges copies of it into one', () => {
		const block = renderBlock([SDS], 'Documents');
		const html = `${MERCHANT}${block}<p>Care: hand wash.</p>${block}`;
		const result = writeDescriptionBlock(html, [MANUAL], 'Documents');
		expect(result).toBe(`${MERCHANT}${renderBlock([MANUAL], 'Documents')}<p>Care: hand wash.</p>`);
	});

	it('removes the block without links', () => {
		const html = writeDescriptionBlock(MERCHANT, [SDS], 'Documents');
		expect(writeDescriptionBlock(html, [], 'Documents')).toBe(MERCHANT);
		expect(writeDescriptionBlock(MERCHANT, [], 'Documents')).toBe(MERCHANT);
	});

	it('escapes titles and URLs', () => {
		const link = { url: 'https://x.example/a?b=1&c="2"', title: '<script>alert(1)</script> & Co' };
		const block = renderBlock([link], 'Docs & <Certificates>');
		expect(block).not.toContain('<script>');
		expect(block).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
		expect(block).toContain('<h3>Docs &amp; &lt;Certificates&gt;</h3>');
		expect(linksFromDescription(block)).toEqual([link]);
	});

	it('refuses to rewrite a description with a start marker but no end marker', () => {
		expect(() =>
			writeDescriptionBlock(`${MERCHANT}${BLOCK_START}<ul>`, [SDS], 'Documents'),
		).toThrow(/without/);
	});
});
