import { memoryPage, memoryPageWhere, sortByOrder, type MemoryOrder } from "../../../src/catalog/pagination/memoryPage";

interface Row {
  id: string;
  price: string | null;
  size: number | null;
}

const rows: Row[] = [
  { id: "a", price: "0.1", size: 10 },
  { id: "b", price: "0.10000000000000000001", size: null },
  { id: "c", price: null, size: 5 },
  { id: "d", price: "0.05", size: 10 },
  { id: "e", price: "0.1", size: 1 },
];

const byPrice = (direction: "ASC" | "DESC"): MemoryOrder<Row> => ({
  keys: [
    { value: (r) => r.price, type: "decimal", direction },
    { value: (r) => r.id, type: "text", direction: "ASC" },
  ],
  signature: `rows:price:${direction}`,
});

describe("in-memory ordering", () => {
  it("compares decimals exactly, where floating point would call them equal", () => {
    expect(sortByOrder(rows, byPrice("ASC")).map((r) => r.id)).toEqual(["d", "a", "e", "b", "c"]);
  });

  it("puts unknown values last in either direction", () => {
    expect(sortByOrder(rows, byPrice("DESC")).map((r) => r.id)).toEqual(["b", "a", "e", "d", "c"]);
    const bySize: MemoryOrder<Row> = { keys: [{ value: (r) => r.size, type: "number", direction: "DESC" }, { value: (r) => r.id, type: "text", direction: "ASC" }], signature: "size" };
    expect(sortByOrder(rows, bySize).map((r) => r.id)).toEqual(["a", "d", "c", "e", "b"]);
  });
});

describe("in-memory pages", () => {
  const order = byPrice("ASC");
  const sorted = sortByOrder(rows, order);

  it("reads forwards with cursors, with page info and the total", () => {
    const first = memoryPage(sorted, order, { first: 2 });
    expect(first.edges.map((e) => e.node.id)).toEqual(["d", "a"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(5);
    const second = memoryPage(sorted, order, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.id)).toEqual(["e", "b"]);
    const third = memoryPage(sorted, order, { first: 2, after: second.pageInfo.endCursor });
    expect(third.edges.map((e) => e.node.id)).toEqual(["c"]);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("reads backwards from the end, and before a cursor", () => {
    const last = memoryPage(sorted, order, { last: 2 });
    expect(last.edges.map((e) => e.node.id)).toEqual(["b", "c"]);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = memoryPage(sorted, order, { last: 2, before: last.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.id)).toEqual(["a", "e"]);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it("finds a cursor's place even when the row it came from is gone (a cursor holds values, not positions)", () => {
    const cursor = memoryPage(sorted, order, { first: 2 }).pageInfo.endCursor; // after "a" (0.1)
    const withoutA = sorted.filter((r) => r.id !== "a");
    expect(memoryPage(withoutA, order, { first: 5, after: cursor }).edges.map((e) => e.node.id)).toEqual(["e", "b", "c"]);
  });

  it("pages between two cursors", () => {
    const all = memoryPage(sorted, order, { first: 5 });
    const page = memoryPage(sorted, order, { first: 10, after: all.edges[0].cursor, before: all.edges[3].cursor });
    expect(page.edges.map((e) => e.node.id)).toEqual(["a", "e"]);
  });

  it("refuses a cursor of another ordering, naming the argument", () => {
    const cursor = memoryPage(sorted, byPrice("DESC"), { first: 1 }).pageInfo.endCursor!;
    expect(() => memoryPage(sorted, order, { after: cursor })).toThrow(expect.objectContaining({ field: "after" }));
  });
});

describe("in-memory pages of the items that match, walking the whole order", () => {
  const many = Array.from({ length: 500 }, (_, i) => ({ id: `m${String(i).padStart(3, "0")}`, price: String((i * 7919) % 113), size: i % 5 === 0 ? null : i }));
  const order = byPrice("ASC");
  const sorted = sortByOrder(many, order);
  const matches = (r: Row) => r.size !== null && r.size % 3 === 0;
  const filtered = sorted.filter(matches);

  it("gives the same pages, cursors and page info as paging the filtered list, both ways", () => {
    for (const args of [{ first: 7 }, { last: 7 }]) {
      let cursor: string | null = null;
      for (let page = 0; page < 30; page++) {
        const direction: { after?: string; before?: string } = cursor ? ("first" in args ? { after: cursor } : { before: cursor }) : {};
        const walked = memoryPageWhere(sorted, order, { ...args, ...direction }, matches, filtered.length);
        const expected = memoryPage(filtered, order, { ...args, ...direction });
        expect(walked).toEqual(expected);
        const next = "first" in args ? walked.pageInfo.hasNextPage && walked.pageInfo.endCursor : walked.pageInfo.hasPreviousPage && walked.pageInfo.startCursor;
        if (!next) break;
        cursor = next;
      }
    }
  });
});
