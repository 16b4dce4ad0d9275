import { proposedModelId, resolveModelId, type KnownModels } from "../../../src/catalog/identity/modelIdentity";
import { ModelIdentityIndex } from "../../../src/catalog/identity/modelIdentityIndex";
import { canonicalAuthorId, canonicalProviderId } from "../../../src/catalog/identity/partyIdentity";

const nothingKnown: KnownModels = { modelForName: () => undefined, authorOf: () => undefined };

describe("model identity", () => {
  it("compares names lower-case and drops an author prefix: OpenRouter's openai/gpt-4.1-mini is Starmap's gpt-4.1-mini", () => {
    expect(proposedModelId(" OpenAI/GPT-4.1-mini ")).toEqual({ id: "gpt-4.1-mini", authorPrefix: "openai" });
    expect(resolveModelId("openai/gpt-4.1-mini", undefined, nothingKnown)).toBe("gpt-4.1-mini");
  });

  it("names a new model by the end of a provider's path, not the path: Fireworks' accounts/fireworks/models/llama-v3p1-8b is llama-v3.1-8b", () => {
    expect(resolveModelId("accounts/fireworks/models/llama-v3p1-8b", undefined, nothingKnown)).toBe("llama-v3.1-8b");
    expect(resolveModelId("workers-ai/@cf/moonshotai/kimi-k2.6", undefined, nothingKnown)).toBe("kimi-k2.6");
  });

  it("lets an alias already recorded keep its model, so ids never move", () => {
    const known: KnownModels = { modelForName: (n) => (n === "openai/gpt-4.1-mini-2025-04-14" ? "gpt-4.1-mini" : undefined), authorOf: () => undefined };
    expect(resolveModelId("OpenAI/GPT-4.1-mini-2025-04-14", undefined, known)).toBe("gpt-4.1-mini");
  });

  it("gives a second author's model of the same name its prefix, reading other catalogs' author ids as ours", () => {
    const known: KnownModels = { modelForName: () => undefined, authorOf: (id) => (id === "llama-3-8b" ? "meta" : undefined) };
    expect(resolveModelId("meta-llama/llama-3-8b", undefined, known)).toBe("llama-3-8b");
    expect(resolveModelId("nousresearch/llama-3-8b", undefined, known)).toBe("nousresearch/llama-3-8b");
  });

  it("remembers every name it resolved, so later documents land on the same model", () => {
    const index = new ModelIdentityIndex([], []);
    expect(index.resolve("openai/gpt-4.1-mini", "openai", ["openai/gpt-4.1-mini-2025-04-14"])).toBe("gpt-4.1-mini");
    expect(index.resolve("gpt-4.1-mini", undefined)).toBe("gpt-4.1-mini");
    expect(index.resolve("openai/gpt-4.1-mini-2025-04-14", undefined)).toBe("gpt-4.1-mini");
    expect(index.authorOf("gpt-4.1-mini")).toBe("openai");
  });
});

describe("author and provider ids", () => {
  it.each([
    ["meta-llama", "meta"],
    ["mistralai", "mistral"],
    ["x-ai", "xai"],
    ["Qwen", "alibaba"],
    ["openai", "openai"],
  ])("reads author %s as %s", (given, expected) => expect(canonicalAuthorId(given)).toBe(expected));

  it.each([
    ["google-ai-studio", "google"],
    ["google-vertex-ai", "google-vertex"],
    ["Azure", "azure"],
  ])("reads provider %s as %s", (given, expected) => expect(canonicalProviderId(given)).toBe(expected));
});
