import { deriveLimit } from "./deriveModelLimits";

const offering = (id: string, contextWindow: number | null) => ({ id, modelId: "m", providerId: id.split(":")[0], providerKind: "OTHER", contextWindow, maxInputTokens: null, maxOutputTokens: null });

describe("a model's limit derived from its offerings", () => {
  it("takes the author's own offering's value over what more resellers state", () => {
    const derived = deriveLimit("moonshotai", "contextWindow", [offering("moonshotai:kimi-k2.6", 262_144), offering("a:kimi", 131_072), offering("b:kimi", 131_072)]);
    expect(derived).toMatchObject({ value: 262_144, derivedFrom: ["moonshotai:kimi-k2.6"], rule: expect.stringMatching(/^derived from the author's own offering/) });
  });

  it("else takes the value most offerings state, naming them, and the larger of two as common", () => {
    expect(deriveLimit(null, "contextWindow", [offering("a:x", 128_000), offering("b:x", 131_072), offering("c:x", 128_000)])).toMatchObject({
      value: 128_000,
      derivedFrom: ["a:x", "c:x"],
      rule: expect.stringContaining("2 of 3 offerings stating it"),
    });
    expect(deriveLimit(null, "contextWindow", [offering("a:x", 128_000), offering("b:x", 131_072)])?.value).toBe(131_072);
  });

  it("derives nothing where no offering states a positive value", () => {
    expect(deriveLimit("openai", "contextWindow", [offering("a:x", null), offering("b:x", 0)])).toBeUndefined();
    expect(deriveLimit("openai", "contextWindow", [])).toBeUndefined();
  });
});
