// The search index against the plain reference (referenceSearch.ts) on the seed's own models and on the
// same catalog copied as the growth benchmark copies it: the same hits, scores and order for thousands of
// queries drawn from the documents, and through the model list the same totalCount and pages, forwards
// and backwards by cursor. Queries are drawn from a seeded PRNG; a failure names the query.
import { mulberry32 } from "../../../bench/growth/determinism";
import { ModelCatalogService } from "../../../src/catalog/models/modelCatalog.service";
import type { ModelFilter } from "../../../src/catalog/models/modelFilter";
import type { ModelOrder } from "../../../src/catalog/models/modelOrder";
import type { ModelView } from "../../../src/catalog/views";
import { emptyCatalogContent, type CatalogContent } from "../../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../../src/catalog/readModel/catalogSnapshot";
import { ModelSearchIndex, type SearchDocument } from "../../../src/catalog/search/modelSearchIndex";
import { modelView } from "../viewFixtures";
import { ReferenceSearch } from "./referenceSearch";
import { copiedDocuments, seedSearchDocuments } from "./seedSearchCatalog";

// What people type that the drawn queries may miss: short words, numbers, words of every tier.
const TYPED = ["llama 3.1 70b", "gpt 4.1 mini", "gpt-4.1", "gpt 4", "4o", "o3", "o1 mini", "claude sonnet 4", "sonnet", "mistral instruct", "qwen3 coder", "deepseek r1", "gemini 2.5 pro", "70b", "3.1", "8b instruct", "instruct llama", "free", "preview", "2025", "a", "x y", "model", "vision", "gpt 4o mini", "llama 70b 3.1", "v1:0"];

/** Queries from the documents' own texts: 1 to 3 neighbouring words, cut short, reordered, re-punctuated. */
function drawnQueries(documents: readonly SearchDocument[], count: number, seed: number): string[] {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const queries = [...TYPED];
  while (queries.length < count) {
    const document = pick(documents);
    const text = next() < 0.75 || document.description === null ? pick([document.id, document.name, ...document.aliases]) : document.description;
    const words = text.split(/[\s\-_/.:()[\],]+/).filter((word) => word !== "");
    if (words.length === 0) continue;
    const take = 1 + Math.floor(next() * Math.min(3, words.length));
    const start = Math.floor(next() * (words.length - take + 1));
    let query = words.slice(start, start + take);
    if (next() < 0.3) query = query.map((word) => word.slice(0, 1 + Math.floor(next() * word.length)));
    if (next() < 0.15) query.reverse();
    const style = next();
    queries.push(style < 0.5 ? query.join(" ") : style < 0.75 ? query.join("-").toUpperCase() : style < 0.9 ? query.join("") : query.join(" . "));
  }
  return queries;
}

function expectSameAnswers(index: ModelSearchIndex, reference: ReferenceSearch, queries: readonly string[]): number {
  let hits = 0;
  for (const query of queries) {
    const expected = reference.search(query);
    const actual = index.search(query);
    if (actual.length !== expected.length || actual.some((hit, i) => hit.id !== expected[i].id || hit.score !== expected[i].score)) {
      expect({ query, hits: actual }).toEqual({ query, hits: expected });
    }
    hits += expected.length;
  }
  return hits;
}

describe("search ranking against scoring every document and sorting", () => {
  const seed = seedSearchDocuments();

  it("reads a realistic catalog from seed/: thousands of models, hundreds with descriptions", () => {
    expect(seed.length).toBeGreaterThan(1500);
    expect(seed.filter((d) => d.description !== null).length).toBeGreaterThan(300);
  });

  it("answers 2,000 queries on the seed's models as the reference does: hits, scores and order", () => {
    const hits = expectSameAnswers(ModelSearchIndex.build(seed), new ReferenceSearch(seed), drawnQueries(seed, 2000, 1));
    expect(hits).toBeGreaterThan(20_000); // the queries do find things
  });

  it("answers the same given the documents in another order than by id", () => {
    const shuffled = [...seed].reverse();
    expectSameAnswers(ModelSearchIndex.build(shuffled), new ReferenceSearch(shuffled), drawnQueries(seed, 300, 2));
  });

  it("finds the same matches unscored (a count, an estimate), and ranks and scores them as the reference when asked after all", () => {
    const index = ModelSearchIndex.build(seed);
    const reference = new ReferenceSearch(seed);
    let scoredLater = 0;
    for (const [i, query] of drawnQueries(seed, 600, 5).entries()) {
      const expected = reference.search(query);
      const unscored = index.matches(query, { scored: false });
      const ids = (ordinals: Int32Array) => Array.from(ordinals, (ordinal) => seed[ordinal].id);
      expect({ query, matches: ids(unscored.ordinals()).sort(compareText) }).toEqual({ query, matches: expected.map((hit) => hit.id).sort(compareText) });
      // Half the queries ask for one score before the ranking, half rank first: each path fills every score.
      const probe = expected[Math.floor(expected.length / 2)];
      if (i % 2 === 0 && probe) expect({ query, score: unscored.scoreOf(seed.findIndex((d) => d.id === probe.id)) }).toEqual({ query, score: probe.score });
      const { ordinals, scores } = unscored.ranked();
      expect({ query, hits: ids(ordinals).map((id, k) => ({ id, score: scores[k] })) }).toEqual({ query, hits: expected });
      scoredLater += expected.length;
    }
    expect(scoredLater).toBeGreaterThan(5_000);
  });

  it("answers 250 queries on the seed copied 8 times (ties everywhere) as the reference does", () => {
    const copied = copiedDocuments(seed, 8);
    expectSameAnswers(ModelSearchIndex.build(copied), new ReferenceSearch(copied), drawnQueries(copied, 250, 3));
  });
});

describe("a ranked search's totalCount and pages against the reference's order", () => {
  const documents = copiedDocuments(seedSearchDocuments(), 3);
  const reference = new ReferenceSearch(documents);
  const snapshot = CatalogSnapshot.build(content(documents));
  const service = new ModelCatalogService();
  const queries = drawnQueries(documents, 60, 4);

  /** About six pages a query, so that a query matching thousands is paged as one matching ten. */
  const pageSize = (matches: number) => Math.min(100, Math.max(3, Math.ceil(matches / 6)));

  it("pages forwards by `after` through exactly the reference's order, with its count on every page", () => {
    for (const query of queries) {
      const expected = reference.search(query).map((hit) => hit.id);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = service.listModels(snapshot, { search: query }, null, { first: pageSize(expected.length), after });
        expect(page.totalCount).toBe(expected.length);
        seen.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? undefined;
      }
      expect({ query, ids: seen }).toEqual({ query, ids: expected });
    }
  });

  it("pages backwards by `before` through the same order", () => {
    for (const query of queries.slice(0, 30)) {
      const expected = reference.search(query).map((hit) => hit.id);
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = service.listModels(snapshot, { search: query }, null, { last: pageSize(expected.length), before });
        expect(page.totalCount).toBe(expected.length);
        seen.unshift(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor ?? undefined;
      }
      expect({ query, ids: seen }).toEqual({ query, ids: expected });
    }
  });
});

describe("a search with other conditions against the reference's matches that meet them", () => {
  const documents = copiedDocuments(seedSearchDocuments(), 2);
  const reference = new ReferenceSearch(documents);
  const snapshot = CatalogSnapshot.build(content(documents));
  const service = new ModelCatalogService();
  // Few words and one-letter words too: searches matching most of the catalog take the list's other paths.
  const queries = [...drawnQueries(documents, 30, 5), "a", "e", "gpt", "llama 3.1 70b"];
  const byId = new Map(snapshot.models.map((m) => [m.id, m]));
  const filters: { name: string; filter: ModelFilter; keeps: (m: ModelView) => boolean }[] = [
    { name: "an author (an index's set)", filter: { authorIds: ["acme"] }, keeps: (m) => m.authorId === "acme" },
    { name: "a condition no index answers", filter: { openWeights: true }, keeps: (m) => m.openWeights === true },
    { name: "both", filter: { authorIds: ["acme"], openWeights: false }, keeps: (m) => m.authorId === "acme" && m.openWeights === false },
  ];

  /** Every page forwards, with the count each page gives. */
  const allPages = (filter: ModelFilter, orderBy: ModelOrder[] | null) => {
    const seen: string[] = [];
    const counts = new Set<number>();
    let after: string | undefined;
    for (;;) {
      const page = service.listModels(snapshot, filter, orderBy, { first: 100, after });
      counts.add(page.totalCount);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) return { ids: seen, counts: [...counts] };
      after = page.pageInfo.endCursor ?? undefined;
    }
  };

  for (const { name, filter, keeps } of filters) {
    it(`ranks the matches that meet ${name} in the reference's order, with their count`, () => {
      for (const query of queries) {
        const expected = reference.search(query).map((hit) => hit.id).filter((id) => keeps(byId.get(id)!));
        expect({ query, ...allPages({ ...filter, search: query }, null) }).toEqual({ query, ids: expected, counts: [expected.length] });
      }
    });

    it(`lists the matches that meet ${name} by name when asked, with their count`, () => {
      for (const query of queries) {
        const expected = reference
          .search(query)
          .map((hit) => byId.get(hit.id)!)
          .filter(keeps)
          .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id))
          .map((m) => m.id);
        expect({ query, ...allPages({ ...filter, search: query }, [{ field: "NAME" }]) }).toEqual({ query, ids: expected, counts: [expected.length] });
      }
    });
  }

  it("gives an estimate's model list and model ordinals the same models as the reference, with and without other conditions", () => {
    for (const query of queries) {
      const expected = reference.search(query).map((hit) => hit.id).sort(compareText);
      const models = service.matchingModels(snapshot, { search: query }).map((m) => m.id).sort(compareText);
      expect({ query, models }).toEqual({ query, models: expected });
      for (const { filter, keeps } of filters) {
        const kept = expected.filter((id) => keeps(byId.get(id)!));
        const ordinals = Array.from(service.matchingOrdinals(snapshot, { ...filter, search: query }), (ordinal) => snapshot.models[ordinal].id).sort(compareText);
        expect({ query, filter, ordinals }).toEqual({ query, filter, ordinals: kept });
      }
    }
  });
});

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function content(documents: readonly SearchDocument[]): CatalogContent {
  // Every third model is acme's, every other one has open weights: conditions that cut across the matches.
  return {
    ...emptyCatalogContent(),
    models: documents.map((d, i) => modelView(d.id, { name: d.name, description: d.description, authorId: i % 3 === 0 ? "acme" : null, openWeights: i % 2 === 0 })),
    aliases: documents.flatMap((d) => d.aliases.map((alias) => ({ alias, modelId: d.id }))),
  };
}
