import {
	filterBySearch,
	parseSearchQuery,
	SearchSyntaxError,
	type SearchSpec,
} from '../../../simulators/shopify/search';

interface Row {
	id: string;
	name: string;
	tags: string[];
	createdAt: string;
}

const ROWS: Row[] = [
	{ id: '1', name: 'Alpha', tags: ['red'], createdAt: '2026-03-01T10:00:00Z' },
	{ id: '2', name: 'Beta', tags: ['blue', 'red'], createdAt: '2026-03-02T10:00:00Z' },
	{ id: '820982911946154508', name: 'Gamma Ray', tags: [], createdAt: '2026-03-03T10:00:00Z' },
];

const SPEC: SearchSpec<Row> = {
	defaultText: (row) => [row.name],
	fields: {
		id: { type: 'integer', get: (row) => row.id },
		name: { type: 'text', get: (row) => row.name },
		tag: { type: 'text', get: (row) => row.tags },
		created_at: { type: 'date', get: (row) => row.createdAt },
	},
};

function ids(query: string): string[] {
	return filterBySearch(ROWS, query, SPEC).matches.map((row) => row.id);
}

describe('Shopify search syntax', () => {
	it('matches everything for an empty query', () => {
		expect(parseSearchQuery('  ')).toBeNull();
		expect(ids('')).toEqual(['1', '2', '820982911946154508']);
	});

	it('treats adjacent terms as AND', () => {
		expect(ids('tag:red name:beta')).toEqual(['2']);
		expect(ids('tag:red AND name:alpha')).toEqual(['1']);
	});

	it('binds AND tighter than OR', () => {
		expect(ids('name:alpha OR tag:blue name:beta')).toEqual(['1', '2']);
		expect(ids('(name:alpha OR tag:blue) name:beta')).toEqual(['2']);
	});

	it('negates with - and NOT', () => {
		expect(ids('-tag:red')).toEqual(['820982911946154508']);
		expect(ids('NOT tag:blue')).toEqual(['1', '820982911946154508']);
	});

	it('supports quoted values and prefixes', () => {
		expect(ids('name:"gamma ray"')).toEqual(['820982911946154508']);
		expect(ids('name:al*')).toEqual(['1']);
		expect(ids('gam')).toEqual(['820982911946154508']);
	});

	it('compares 64-bit ids exactly', () => {
		expect(ids('id:>820982911946154507')).toEqual(['820982911946154508']);
		expect(ids('id:<=2')).toEqual(['1', '2']);
	});

	it('compares dates, with a bare day meaning the whole day', () => {
		expect(ids('created_at:2026-03-02')).toEqual(['2']);
		expect(ids('created_at:>2026-03-01')).toEqual(['2', '820982911946154508']);
		expect(ids("created_at:<='2026-03-02T10:00:00Z'")).toEqual(['1', '2']);
	});

	it('reports unknown fields as warnings and ignores them', () => {
		const result = filterBySearch(ROWS, 'colour:red name:alpha', SPEC);
		expect(result.matches.map((row) => row.id)).toEqual(['1']);
		expect(result.warnings).toEqual([
			{ field: 'colour', message: 'Invalid search field for this query.' },
		]);
	});

	it.each(['(tag:red', 'tag:red)', 'name:"open'])('rejects %s', (query) => {
		expect(() => parseSearchQuery(query)).toThrow(SearchSyntaxError);
	});
});
