import { collectPages, readPageTotal } from '../../nodes/OpenTextContentServer/transport/paging';

function pagedSource(total: number, reportPageTotal: boolean) {
	const calls: Array<{ page: number; pageSize: number }> = [];
	const fetchPage = async (page: number, pageSize: number) => {
		calls.push({ page, pageSize });
		const start = (page - 1) * pageSize;
		const items = Array.from(
			{ length: Math.max(0, Math.min(pageSize, total - start)) },
			(_, index) => start + index,
		);
		return { items, pageTotal: reportPageTotal ? Math.ceil(total / pageSize) : undefined };
	};
	return { calls, fetchPage };
}

describe('collectPages', () => {
	it('returns all items across pages', async () => {
		const { calls, fetchPage } = pagedSource(250, true);
		const items = await collectPages(fetchPage, undefined, 100);
		expect(items).toHaveLength(250);
		expect(calls.map((call) => call.page)).toEqual([1, 2, 3]);
	});

	it('stops at a short page when the total is unknown', async () => {
		const { calls, fetchPage } = pagedSource(200, false);
		const items = await collectPages(fetchPage, undefined, 100);
		expect(items).toHaveLength(200);
		expect(calls).toHaveLength(3);
	});

	it('stops at the limit', async () => {
		const { calls, fetchPage } = pagedSource(1000, true);
		const items = await collectPages(fetchPage, 150, 100);
		expect(items).toEqual(Array.from({ length: 150 }, (_, index) => index));
		expect(calls).toEqual([
			{ page: 1, pageSize: 100 },
			{ page: 2, pageSize: 100 },
		]);
	});

	it('asks for a smaller page when the limit is small', async () => {
		const { calls, fetchPage } = pagedSource(1000, true);
		expect(await collectPages(fetchPage, 5, 100)).toHaveLength(5);
		expect(calls).toEqual([{ page: 1, pageSize: 5 }]);
	});
});

describe('readPageTotal', () => {
	it('reads collection.paging and top-level paging', () => {
		expect(readPageTotal({ collection: { paging: { page_total: 3 } } })).toBe(3);
		expect(readPageTotal({ paging: { page_total: 2 } })).toBe(2);
		expect(readPageTotal({})).toBeUndefined();
	});
});
