import { conflictDissent } from "../../../src/catalog/quality/conflictDissent";
import { conflictPattern } from "../../../src/catalog/quality/conflictPattern";
import { documentRole } from "../../../src/catalog/reconcile/documentRole";
import { summarizeConflicts } from "../../../src/catalog/quality/conflictSummary";
import type { CandidateView, FieldProvenanceView } from "../../../src/catalog/provenance/provenance.service";

describe("the pattern of a conflict (why its values differ)", () => {
  it.each([
    ["gemini-2.5-flash capability.max_tokens: Starmap's CORE against SUPPORTED", "SUPPORTED", ["CORE", "CORE"], "LEVEL_ONLY"],
    ["gemini-2.5-flash capability.reasoning: one reseller's NOT_SUPPORTED", "SUPPORTED", ["NOT_SUPPORTED"], "YES_NO"],
    ["a CORE parameter against NOT_SUPPORTED", "CORE", ["SUPPORTED", "NOT_SUPPORTED"], "YES_NO"],
    ["openWeights false for an open model", true, [false], "YES_NO"],
    ["262,142 against 262,144 tokens", 262144, [262142], "NUMBERS_CLOSE"],
    ["prices as exact decimal strings within 1%", "0.4", ["0.401"], "NUMBERS_CLOSE"],
    ["a context window of 128k against 200k", 200000, [128000, 200000], "NUMBERS_APART"],
    ["release dates two days apart", "2024-10-22", ["2024-10-24"], "DATES_CLOSE"],
    ["a month against a day of the next month, within 31 days", "2024-04-15", ["2024-05"], "DATES_CLOSE"],
    ["auto's releaseDate: 2026-03-15 against 2023-11-08 (five routers in one record)", "2026-03-15", ["2025-01-01", "2023-11-08"], "DATES_APART"],
    ["auto's outputModalities: [text] against [image, text]", ["image", "text"], [["text"]], "LIST_SUBSET"],
    ["auto's inputModalities: file against pdf", ["audio", "image", "pdf", "text", "video"], [["audio", "file", "image", "text", "video"]], "LISTS_DIFFER"],
    ["a status", "ACTIVE", ["DEPRECATED"], "VALUES_DIFFER"],
    ["no dissenting candidate", 5, [], "NO_DISSENT"],
  ])("%s is %s", (_case, chosen, dissenting, pattern) => {
    expect(conflictPattern(chosen, dissenting as unknown[])).toBe(pattern);
  });

  it("classes a conflict by its furthest candidate: one number far off makes it NUMBERS_APART", () => {
    expect(conflictPattern(1000, [1001, 2000])).toBe("NUMBERS_APART");
  });
});

describe("the role of a document for a record", () => {
  const noAggregators = () => false;
  const openrouterIsAggregator = (p: string) => p === "openrouter";

  it.each([
    ["models.dev/models/google/gemini-2.5-flash.toml", "MODELS_DEV", { authorId: "google" }, "AUTHOR"],
    ["starmap/authors/google/models/gemini-2.5-flash.md", "STARMAP", { authorId: "google" }, "AUTHOR"],
    ["models.dev/providers/google/models/gemini-2.5-flash.toml", "MODELS_DEV", { authorId: "google" }, "OWNER"],
    ["starmap/providers/google-ai-studio/models/gemini-2.5-flash.md", "STARMAP", { authorId: "google" }, "OWNER"],
    ["models.dev/providers/helicone/models/gemini-2.5-flash.toml", "MODELS_DEV", { authorId: "google" }, "RESELLER"],
    ["models.dev/providers/openrouter/models/google/gemini-2.5-flash.toml", "MODELS_DEV", { authorId: "google" }, "AGGREGATOR"],
    ["openrouter/models.json", "OPENROUTER", { authorId: "google" }, "AGGREGATOR"],
    ["seed-docs/000_2d6fa22dba4ca22a.txt", "FOUNDRY", { authorId: "openai" }, "CLOUD"],
    ["models.dev/providers/cerebras/models/gpt-oss-120b.toml", "MODELS_DEV", { providerId: "cerebras", authorId: "openai" }, "OWNER"],
    ["models.dev/providers/openai/provider.toml", "MODELS_DEV", { providerId: "openai" }, "OWNER"],
  ] as const)("%s (%s) is %s's %s", (uri, format, owner, role) => {
    expect(documentRole(uri, format, owner, openrouterIsAggregator)).toBe(role);
    if (role !== "AGGREGATOR") expect(documentRole(uri, format, owner, noAggregators)).toBe(role);
  });
});

describe("who disagrees", () => {
  it.each([
    [["RESELLER", "RESELLER"], "ONLY_RESELLERS"],
    [["RESELLER", "AGGREGATOR"], "AGGREGATORS"],
    [["RESELLER", "AUTHOR"], "FIRST_PARTY"],
    [["OWNER"], "FIRST_PARTY"],
    [["CLOUD", "OTHER"], "FIRST_PARTY"],
    [["OTHER", "AGGREGATOR"], "OTHER"],
    [[], "NONE"],
  ] as const)("dissenting roles %j make %s", (roles, dissent) => {
    expect(conflictDissent(roles)).toBe(dissent);
  });
});

describe("a summary of conflicts", () => {
  const candidate = (sourceUri: string, value: unknown, chosen: boolean, agrees: boolean): CandidateView => ({
    factId: sourceUri,
    value,
    rawValue: null,
    precision: null,
    step: null,
    locator: "x",
    sourceId: sourceUri,
    sourceUri,
    sourceFormat: sourceUri.startsWith("openrouter") ? "OPENROUTER" : sourceUri.startsWith("starmap") ? "STARMAP" : "MODELS_DEV",
    observedAt: new Date(0),
    chosen,
    agrees,
  });
  const conflict = (entityId: string, field: string, value: unknown, candidates: CandidateView[]): FieldProvenanceView => ({
    entityType: "MODEL",
    entityId,
    field,
    value,
    rule: "",
    hasConflict: true,
    derivedFrom: [],
    decidedAt: new Date(0),
    candidates,
  });
  const conflicts = [
    conflict("gemini-2.5-flash", "capability.max_tokens", "SUPPORTED", [
      candidate("openrouter/models.json", "SUPPORTED", true, true),
      candidate("starmap/authors/google/models/gemini-2.5-flash.md", "CORE", false, false),
    ]),
    conflict("gemini-2.5-flash", "capability.reasoning", "SUPPORTED", [
      candidate("models.dev/models/google/gemini-2.5-flash.toml", "SUPPORTED", true, true),
      candidate("models.dev/providers/302ai/models/gemini-2.5-flash.toml", "NOT_SUPPORTED", false, false),
    ]),
    conflict("gemini-2.5-flash", "contextWindow", 5, [candidate("models.dev/models/google/gemini-2.5-flash.toml", 1048576, false, false)]),
  ];

  it("counts by field, pattern, dissent and winner, and tells an admin's override (no candidate chosen) as resolved", () => {
    const summary = summarizeConflicts(conflicts, { ownerOf: () => ({ authorId: "google" }), isAggregator: (p) => p === "openrouter" });
    expect(summary.total).toBe(3);
    expect(summary.open).toBe(2);
    expect(summary.resolved).toBe(1);
    expect(summary.fields).toBe(3);
    expect(summary.byPattern.map((e) => [e.name, e.count])).toEqual([["LEVEL_ONLY", 1], ["NUMBERS_APART", 1], ["YES_NO", 1]]);
    expect(summary.byDissent.map((e) => [e.name, e.count])).toEqual([["FIRST_PARTY", 2], ["ONLY_RESELLERS", 1]]);
    expect(summary.byWinnerRole.map((e) => [e.name, e.count])).toEqual([["AGGREGATOR", 1], ["AUTHOR", 1], ["OVERRIDE", 1]]);
    expect(summary.byPattern[0]).toEqual({ name: "LEVEL_ONLY", label: "CORE against SUPPORTED (both say it is supported)", count: 1, example: "MODEL gemini-2.5-flash capability.max_tokens" });
  });
});
