import { decideField, type Candidate } from "../../src/catalog/reconcile/decideField";
import { DOCUMENT_ROLES } from "../../src/catalog/reconcile/documentRole";
import { PRECEDENCE, precedenceFor, type EntityType } from "../../src/catalog/reconcile/precedence";
import { COUNT_TOLERANCE, valuesAgree } from "../../src/catalog/reconcile/valueAgreement";
import { ENTITY_TABLES } from "../../src/catalog/load/entityColumns";

let nextId = 0;
/** A fact of `format` from a document of `role` (the author's card unless told). */
function fact(format: Candidate["format"], value: unknown, extra: Partial<Candidate> = {}): Candidate {
  nextId += 1;
  return { factId: `f${nextId}`, format, value, sourceUri: `${format.toLowerCase()}/doc${nextId}`, locator: `L${nextId}`, role: "AUTHOR", ...extra };
}

describe("decideField: authority by document role", () => {
  it("takes the author's card's context window over a cloud's card and a reseller's file, and their differing values are no conflict", () => {
    const author = fact("MODELS_DEV", 1_047_576);
    const decision = decideField("MODEL", "contextWindow", [
      fact("MODELS_DEV", 128_000, { role: "RESELLER", sourceUri: "models.dev/providers/aaa/models/x.toml" }),
      fact("FOUNDRY", 1_000_000, { role: "CLOUD" }),
      author,
    ]);
    expect(decision.value).toBe(1_047_576);
    expect(decision.chosen).toBe(author);
    expect(decision.hasConflict).toBe(false);
    expect(decision.rule).toMatch(/^The author's card ranks first for this field \(models\.dev\)\. The author's documents state the model's limits/);
  });

  it("reports a conflict when two documents of the highest role disagree, taking the row's first format when as many documents agree with each", () => {
    const modelsDev = fact("MODELS_DEV", 1_000_000);
    const decision = decideField("MODEL", "contextWindow", [fact("STARMAP", 128_000), modelsDev, fact("OPENROUTER", 1_000_000, { role: "AGGREGATOR" }), fact("MODELS_DEV", 128_000, { role: "RESELLER" })]);
    expect(decision.chosen).toBe(modelsDev);
    expect(decision.hasConflict).toBe(true);
    expect(decision.rule).toMatch(/^The author's card ranks first for this field; among 2 such documents the value of models_dev\/doc\d+ was taken \(most documents agreeing, then the newest document, then the order of formats\)/);
  });

  it("takes morph's own file over kilo's for morph's model, whatever the file names, and kilo's flag is no conflict", () => {
    const morph = fact("MODELS_DEV", "NOT_SUPPORTED", { role: "OWNER", sourceUri: "models.dev/providers/morph/models/morph-v3.toml" });
    const kilo = fact("MODELS_DEV", "SUPPORTED", { role: "RESELLER", sourceUri: "models.dev/providers/kilo/models/morph/morph-v3.toml" });
    const decision = decideField("MODEL", "capability.temperature", [kilo, morph]);
    expect(decision.chosen).toBe(morph);
    expect(decision.hasConflict).toBe(false);
  });

  it("breaks a tie among resellers by most documents agreeing, and their differences are offerings differing, not a conflict of the model", () => {
    const reseller = (value: string, uri: string) => fact("MODELS_DEV", value, { role: "RESELLER", sourceUri: uri });
    const decision = decideField("MODEL", "capability.tool_calls", [
      reseller("SUPPORTED", "models.dev/providers/aaa/models/m.toml"),
      reseller("NOT_SUPPORTED", "models.dev/providers/nano-gpt/models/m.toml"),
      reseller("NOT_SUPPORTED", "models.dev/providers/nvidia/models/m.toml"),
    ]);
    expect(decision.value).toBe("NOT_SUPPORTED");
    expect(decision.hasConflict).toBe(false);
    expect(decision.rule).toMatch(/Only resellers' files state it, and they differ: each speaks for its own offering, so that is no conflict of the model\.$/);
  });

  it("then by the newest document, never by file name: swapping the file names keeps the value", () => {
    for (const [older, newer] of [
      ["models.dev/providers/aaa/models/m.toml", "models.dev/providers/zzz/models/m.toml"],
      ["models.dev/providers/zzz/models/m.toml", "models.dev/providers/aaa/models/m.toml"],
    ]) {
      const decision = decideField("MODEL", "knowledgeCutoff", [
        fact("MODELS_DEV", "2024-10", { precision: "month", role: "RESELLER", sourceUri: older, documentUpdated: "2025-09-30" }),
        fact("MODELS_DEV", "2025-01-15", { precision: "day", role: "RESELLER", sourceUri: newer, documentUpdated: "2025-12-08" }),
      ]);
      expect(decision.value).toBe("2025-01-15");
    }
  });

  it("breaks a tie of release dates by the earliest: claude-3.5-sonnet came out 2024-10-22, not when qiniu's newer file listed it", () => {
    const cloudflare = fact("MODELS_DEV", "2024-10-22", { precision: "day", role: "RESELLER", documentUpdated: "2024-10-22" });
    const qiniu = fact("MODELS_DEV", "2025-09-09", { precision: "day", role: "RESELLER", documentUpdated: "2025-09-09" });
    const decision = decideField("MODEL", "releaseDate", [qiniu, cloudflare]);
    expect(decision.chosen).toBe(cloudflare);
    expect(decision.rule).toMatch(/\(most documents agreeing, then the earliest date, then the newest document, then the order of formats\)/);
  });

  it("ranks Starmap last for modalities: tts-1 outputs audio as a reseller's file says, not text as Starmap's author page does", () => {
    const decision = decideField("MODEL", "outputModalities", [fact("STARMAP", ["text"]), fact("MODELS_DEV", ["audio"], { role: "RESELLER" })]);
    expect(decision.value).toEqual(["audio"]);
    expect(decision.hasConflict).toBe(false);
  });

  it("ranks the provider's own document first for an offering's price, OpenRouter's listing before models.dev's copy of it", () => {
    const listing = fact("OPENROUTER", { amount: "0.22", currency: "USD" }, { role: "AGGREGATOR" });
    const decision = decideField("OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0", [fact("MODELS_DEV", { amount: "0.25", currency: "USD" }, { role: "OWNER" }), listing]);
    expect(decision.chosen).toBe(listing);
    expect(decision.hasConflict).toBe(true);
  });

  it("gives an admin override the last word and says so", () => {
    const decision = decideField("MODEL", "contextWindow", [fact("MODELS_DEV", 1_047_576)], { value: 1_000_000, reason: "Azure's figure is what we deploy" });
    expect(decision.value).toBe(1_000_000);
    expect(decision.chosen).toBeUndefined();
    expect(decision.rule).toBe("An admin override outranks every document: Azure's figure is what we deploy");
    expect(decision.hasConflict).toBe(true);
  });

  it("decides the same whatever order the facts arrive in", () => {
    const a = fact("STARMAP", 100, { sourceUri: "starmap/a.md" });
    const b = fact("STARMAP", 200, { sourceUri: "starmap/b.md" });
    expect(decideField("MODEL", "contextWindow", [b, a]).chosen).toBe(a);
    expect(decideField("MODEL", "contextWindow", [a, b]).chosen).toBe(a);
  });
});

describe("decideField: only real conflicts", () => {
  it("reads CORE as agreeing with SUPPORTED and keeps the stronger level, CORE", () => {
    const starmap = fact("STARMAP", "CORE");
    const decision = decideField("MODEL", "capability.temperature", [fact("MODELS_DEV", "SUPPORTED"), starmap, fact("MODELS_DEV", "SUPPORTED", { role: "OWNER" })]);
    expect(decision.value).toBe("CORE");
    expect(decision.chosen).toBe(starmap);
    expect(decision.hasConflict).toBe(false);
  });

  it("still reports NOT_SUPPORTED against SUPPORTED between the author's card and its own API file", () => {
    const decision = decideField("MODEL", "capability.tool_calls", [fact("MODELS_DEV", "SUPPORTED"), fact("MODELS_DEV", "NOT_SUPPORTED", { role: "OWNER" })]);
    expect(decision.hasConflict).toBe(true);
  });

  it("lets an exact value refine a rounded one without a conflict", () => {
    const exact = fact("FOUNDRY", 32_768);
    const decision = decideField("MODEL", "maxOutputTokens", [fact("STARMAP", 32_000, { precision: "rounded", step: 1000 }), exact]);
    expect(decision.value).toBe(32_768);
    expect(decision.hasConflict).toBe(false);
    expect(decision.rule).toMatch(/the Foundry card states the same value more exactly/);
  });

  it("keeps gpt-4.1-mini's knowledge cutoff at the month models.dev gives, not Starmap's padded 2024-04-01: precision follows the evidence", () => {
    const month = fact("MODELS_DEV", "2024-04", { precision: "month" });
    const decision = decideField("MODEL", "knowledgeCutoff", [fact("STARMAP", "2024-04-01", { precision: "day" }), month, fact("OPENROUTER", "2024-06-30", { precision: "day", role: "AGGREGATOR" })]);
    expect(decision.value).toBe("2024-04");
    expect(decision.chosen).toBe(month);
    expect(decision.hasConflict).toBe(false);
  });

  it("lets a day other than the first refine a month, and reads a padded first of the month as agreeing with it", () => {
    const decision = decideField("MODEL", "releaseDate", [fact("STARMAP", "2024-04-01", { precision: "day" }), fact("MODELS_DEV", "2024-04", { precision: "month" }), fact("MODELS_DEV", "2024-04-15", { precision: "day", role: "OWNER" })]);
    expect(decision.value).toBe("2024-04-15");
    expect(decision.hasConflict).toBe(false);
  });

  it("compares modalities as sets, reading OpenRouter's file as models.dev's pdf", () => {
    const decision = decideField("MODEL", "inputModalities", [fact("MODELS_DEV", ["image", "pdf", "text"]), fact("OPENROUTER", ["text", "image", "file"])]);
    expect(decision.value).toEqual(["image", "pdf", "text"]);
    expect(decision.hasConflict).toBe(false);
    expect(decideField("MODEL", "inputModalities", [fact("MODELS_DEV", ["image", "text"]), fact("OPENROUTER", ["text"])]).hasConflict).toBe(true);
  });

  it("compares prices as exact decimals in one currency", () => {
    const decision = decideField("OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0", [
      fact("STARMAP", { amount: "0.40", currency: "USD" }, { role: "OWNER" }),
      fact("MODELS_DEV", { amount: "0.4", currency: "USD" }, { role: "OWNER" }),
    ]);
    expect(decision.value).toEqual({ amount: "0.4", currency: "USD" });
    expect(decision.hasConflict).toBe(false);
    const differing = decideField("OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0", [fact("STARMAP", { amount: "0.4", currency: "USD" }, { role: "OWNER" }), fact("MODELS_DEV", { amount: "0.40000001", currency: "USD" }, { role: "OWNER" })]);
    expect(differing.hasConflict).toBe(true);
  });

  it("reads Starmap's older Cerebras price (from 2025-08-05) as a past price of models.dev's current one (from 2026-06-10), not a conflict", () => {
    const field = "price.INPUT.PER_1M_TOKENS.STANDARD.0";
    const current = fact("MODELS_DEV", { amount: "0.35", currency: "USD", since: "2026-06-10" }, { role: "OWNER" });
    const decision = decideField("OFFERING", field, [fact("STARMAP", { amount: "0.25", currency: "USD", since: "2025-08-05" }, { role: "OWNER" }), current]);
    expect(decision.chosen).toBe(current);
    expect(decision.hasConflict).toBe(false);
  });

  it("still reports a price from a later date than the chosen one: OpenRouter's listing against models.dev's newer copy", () => {
    const field = "price.INPUT.PER_1M_TOKENS.STANDARD.0";
    const decision = decideField("OFFERING", field, [
      fact("OPENROUTER", { amount: "0.32", currency: "USD", since: "2024-12-26" }, { role: "AGGREGATOR" }),
      fact("MODELS_DEV", { amount: "0.2002", currency: "USD", since: "2026-02-28" }, { role: "OWNER" }),
    ]);
    expect(decision.value).toEqual({ amount: "0.32", currency: "USD", since: "2024-12-26" });
    expect(decision.hasConflict).toBe(true);
  });

  it("never reports differently worded names as a conflict, and takes the wording most documents use", () => {
    const decision = decideField("MODEL", "name", [
      fact("MODELS_DEV", "deepseek-ai/DeepSeek-V3", { role: "RESELLER", documentUpdated: "2025-11-25" }),
      fact("MODELS_DEV", "DeepSeek V3", { role: "RESELLER", documentUpdated: "2024-12-26" }),
      fact("MODELS_DEV", "DeepSeek V3", { role: "RESELLER", documentUpdated: "2025-03-24" }),
    ]);
    expect(decision.value).toBe("DeepSeek V3");
    expect(decision.hasConflict).toBe(false);
  });
});

describe("when two values agree", () => {
  const count = (value: number) => ({ value });
  it.each([
    ["262,142 and 262,144 tokens agree (within 0.1 %)", 262_142, 262_144, true],
    ["1,047,576 and 1,048,576 agree (within 0.1 %)", 1_047_576, 1_048_576, true],
    ["128,000 and 131,072 agree: 128k in decimal and binary units", 128_000, 131_072, true],
    ["1,000,000 and 1,048,576 agree: 1M in decimal and binary units", 1_000_000, 1_048_576, true],
    ["1,000 and 1,002 do not agree (0.2 % apart)", 1_000, 1_002, false],
    ["200,000 and 196,608 do not agree (200k against 192k)", 200_000, 196_608, false],
    ["128,000 and 200,000 do not agree", 128_000, 200_000, false],
  ])("counts: %s", (_case, a, b, agree) => {
    expect(valuesAgree(count(a as number), count(b as number), "count")).toBe(agree);
  });

  it("counts within exactly the stated tolerance of 0.1 %", () => {
    expect(COUNT_TOLERANCE).toBe(0.001);
  });

  it.each([
    ["a padded first of the month agrees with another day of that month", "2024-04-01", "2024-04-15", true],
    ["a month agrees with its last day", "2024-04", "2024-04-30", true],
    ["the second of a month does not agree with the fifteenth", "2024-04-02", "2024-04-15", false],
    ["a padded first of the month does not agree with the next month", "2024-04-01", "2024-05", false],
  ])("dates: %s", (_case, a, b, agree) => {
    expect(valuesAgree({ value: a }, { value: b }, "date")).toBe(agree);
  });

  it.each([
    ["CORE", "SUPPORTED", true],
    ["SUPPORTED", "SUPPORTED", true],
    ["CORE", "NOT_SUPPORTED", false],
    ["SUPPORTED", "NOT_SUPPORTED", false],
  ])("levels: %s and %s agree: %s", (a, b, agree) => {
    expect(valuesAgree({ value: a }, { value: b }, "level")).toBe(agree);
  });

  it.each([
    ["0.975 agrees with 0.98, the same price rounded", "0.975", "0.98", true],
    ["0.029 agrees with 0.03", "0.029", "0.03", true],
    ["0.0833333… agrees with 0.083333", "0.08333333333333334", "0.083333", true],
    ["0.375 does not agree with 0.4 (one decimal is never a rounding)", "0.375", "0.4", false],
    ["0.039 does not agree with 0.03", "0.039", "0.03", false],
    ["10 does not agree with 15", "10", "15", false],
  ])("prices: %s", (_case, a, b, agree) => {
    expect(valuesAgree({ value: { amount: a, currency: "USD" } }, { value: { amount: b, currency: "USD" } }, "price")).toBe(agree);
  });

  it("never reads prices in two currencies as agreeing", () => {
    expect(valuesAgree({ value: { amount: "1", currency: "USD" } }, { value: { amount: "1", currency: "EUR" } }, "price")).toBe(false);
  });
});

describe("the precedence table", () => {
  it("gives every row a rationale and every source at most once", () => {
    for (const rule of PRECEDENCE) {
      expect(rule.why.length).toBeGreaterThan(20);
      expect(new Set(rule.order).size).toBe(rule.order.length);
    }
  });

  it("ranks every document role in every row, with a whole rank from 1", () => {
    for (const rule of PRECEDENCE) {
      expect(Object.keys(rule.roles).sort()).toEqual([...DOCUMENT_ROLES].sort());
      for (const rank of Object.values(rule.roles)) expect(Number.isInteger(rank) && rank >= 1).toBe(true);
      expect(Math.min(...Object.values(rule.roles))).toBe(1);
      expect(rule.ties.length).toBeGreaterThan(0);
    }
  });

  it("has a row for every field a record keeps, every capability and every price", () => {
    const fields: [EntityType, string][] = [
      ...(Object.keys(ENTITY_TABLES) as EntityType[]).flatMap((entity) => ENTITY_TABLES[entity].columns.map((c) => [entity, c.field] as [EntityType, string])),
      ["MODEL", "capability.tool_calls"],
      ["OFFERING", "capability.tool_calls"],
      ["OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0"],
    ];
    const missing = fields.filter(([entity, field]) => /No row/.test(precedenceFor(entity, field).why));
    expect(missing).toEqual([]);
  });

  it("ranks the author's own documents first for a model and the provider's own first for an offering", () => {
    expect(precedenceFor("MODEL", "releaseDate").roles).toMatchObject({ AUTHOR: 1, OWNER: 1, CLOUD: 2, AGGREGATOR: 3, RESELLER: 4 });
    expect(precedenceFor("OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0").roles).toMatchObject({ OWNER: 1, CLOUD: 1, AGGREGATOR: 1 });
  });

  it("finds rows by field prefix and falls back to the general order", () => {
    expect(precedenceFor("MODEL", "capability.tool_calls").comparison).toBe("level");
    expect(precedenceFor("OFFERING", "price.OUTPUT.PER_1M_TOKENS.BATCH.0").comparison).toBe("price");
    expect(precedenceFor("MODEL", "somethingNew").why).toMatch(/No row/);
  });
});
