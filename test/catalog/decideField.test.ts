import { decideField, type Candidate } from "../../src/catalog/reconcile/decideField";
import { PRECEDENCE, precedenceFor } from "../../src/catalog/reconcile/precedence";

let nextId = 0;
function fact(format: Candidate["format"], value: unknown, extra: Partial<Candidate> = {}): Candidate {
  nextId += 1;
  return { factId: `f${nextId}`, format, value, sourceUri: `${format.toLowerCase()}/doc`, locator: `L${nextId}`, ...extra };
}

describe("decideField", () => {
  it("takes models.dev's context window over the Foundry card's and records the conflict; Starmap's rounded 1.0M is no conflict", () => {
    const modelsDev = fact("MODELS_DEV", 1_047_576);
    const candidates = [
      fact("FOUNDRY", 1_048_576),
      fact("STARMAP", 1_000_000, { precision: "rounded", step: 100_000 }),
      modelsDev,
      fact("OPENROUTER", 1_047_576),
    ];
    const decision = decideField("MODEL", "contextWindow", candidates);
    expect(decision.value).toBe(1_047_576);
    expect(decision.chosen).toBe(modelsDev);
    expect(decision.hasConflict).toBe(true);
    expect(decision.rule).toMatch(/^models\.dev ranks first/);
  });

  it("lets an exact value refine a higher-ranked rounded one without a conflict", () => {
    const exact = fact("FOUNDRY", 32_768);
    const decision = decideField("MODEL", "maxOutputTokens", [fact("STARMAP", 32_000, { precision: "rounded", step: 1000 }), exact]);
    expect(decision.value).toBe(32_768);
    expect(decision.hasConflict).toBe(false);
    expect(decision.rule).toMatch(/states the same value more exactly/);
  });

  it("reads a month as agreeing with a day inside it, the day winning, while other months conflict", () => {
    const day = fact("STARMAP", "2024-04-01", { precision: "day" });
    const decision = decideField("MODEL", "knowledgeCutoff", [
      fact("MODELS_DEV", "2024-04", { precision: "month" }),
      day,
      fact("OPENROUTER", "2024-06-30", { precision: "day" }),
      fact("FOUNDRY", "2024-05", { precision: "month" }),
    ]);
    expect(decision.value).toBe("2024-04-01");
    expect(decision.chosen).toBe(day);
    expect(decision.hasConflict).toBe(true);
  });

  it("shows no conflict when every source agrees", () => {
    const decision = decideField("MODEL", "knowledgeCutoff", [fact("MODELS_DEV", "2024-04", { precision: "month" }), fact("STARMAP", "2024-04-01", { precision: "day" })]);
    expect(decision.hasConflict).toBe(false);
  });

  it("compares modalities as sets, and Starmap's text-only input conflicts with text and image", () => {
    const decision = decideField("MODEL", "inputModalities", [fact("STARMAP", ["text"]), fact("FOUNDRY", ["image", "text"]), fact("OPENROUTER", ["text", "image"])]);
    expect(decision.value).toEqual(["text", "image"]);
    expect(decision.hasConflict).toBe(true);
  });

  it("compares prices as exact decimals in one currency", () => {
    const decision = decideField("OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0", [
      fact("STARMAP", { amount: "0.40", currency: "USD" }),
      fact("MODELS_DEV", { amount: "0.4", currency: "USD" }),
    ]);
    expect(decision.value).toEqual({ amount: "0.4", currency: "USD" });
    expect(decision.hasConflict).toBe(false);
    const differing = decideField("OFFERING", "price.INPUT.PER_1M_TOKENS.STANDARD.0", [fact("STARMAP", { amount: "0.4", currency: "USD" }), fact("MODELS_DEV", { amount: "0.40000001", currency: "USD" })]);
    expect(differing.hasConflict).toBe(true);
  });

  it("never reports differently worded names as a conflict", () => {
    expect(decideField("MODEL", "name", [fact("MODELS_DEV", "GPT-4.1 mini"), fact("OPENROUTER", "GPT-4.1 Mini"), fact("FOUNDRY", "gpt-4.1-mini")]).hasConflict).toBe(false);
  });

  it("gives an admin override the last word and says so", () => {
    const decision = decideField("MODEL", "contextWindow", [fact("MODELS_DEV", 1_047_576)], { value: 1_048_576, reason: "Azure's figure is what we deploy" });
    expect(decision.value).toBe(1_048_576);
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

describe("the precedence table", () => {
  it("gives every row a rationale and every source at most once", () => {
    for (const rule of PRECEDENCE) {
      expect(rule.why.length).toBeGreaterThan(20);
      expect(new Set(rule.order).size).toBe(rule.order.length);
    }
  });

  it("finds rows by field prefix and falls back to the general order", () => {
    expect(precedenceFor("MODEL", "capability.tool_calls").comparison).toBe("exact");
    expect(precedenceFor("OFFERING", "price.OUTPUT.PER_1M_TOKENS.BATCH.0").comparison).toBe("price");
    expect(precedenceFor("MODEL", "somethingNew").why).toMatch(/No row/);
  });
});
