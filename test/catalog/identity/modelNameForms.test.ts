import { proposedModelId } from "../../../src/catalog/identity/modelIdentity";
import { ModelIdentityIndex } from "../../../src/catalog/identity/modelIdentityIndex";
import { identityKey, looseIdentityKey, NAME_RULES, snapshotDateOf } from "../../../src/catalog/identity/modelNameForms";

// The authors and providers the examples' prefixes name, as a seeded catalog knows them.
const PARTIES = ["openai", "anthropic", "meta", "deepseek", "moonshotai", "databricks", "mistral", "google", "alibaba", "nousresearch"];

/** Resolves `target` first (as the catalog would already have it), then `name`, in a fresh index. */
function resolvePair(name: string, target: string): { name: string; target: string } {
  const index = new ModelIdentityIndex([], [], PARTIES);
  for (const party of PARTIES) index.addParty(party, party !== "databricks");
  const resolved = (ref: string) => index.resolve(ref, proposedModelId(ref).authorPrefix);
  const targetId = resolved(target);
  return { target: targetId, name: resolved(name) };
}

describe("the identity rules, each by its examples", () => {
  for (const rule of NAME_RULES) {
    describe(`${rule.id}: ${rule.why}`, () => {
      it.each(rule.merges.map(([a, b]) => [a, b]))("merges %s into %s", (name, target) => {
        const { name: id, target: targetId } = resolvePair(name, target);
        expect(id).toBe(targetId);
      });
      if (rule.keepsApart.length > 0) {
        it.each(rule.keepsApart.map(([a, b]) => [a, b]))("keeps %s apart from %s", (name, target) => {
          const { name: id, target: targetId } = resolvePair(name, target);
          expect(id).not.toBe(targetId);
        });
      }
    });
  }

  it("has merge examples for every rule", () => {
    expect(NAME_RULES.filter((r) => r.merges.length === 0)).toEqual([]);
  });
});

describe("the identity key", () => {
  it("reads version punctuation, a trailing zero and word order away", () => {
    expect(identityKey("claude-3-5-haiku")).toBe(identityKey("claude-haiku-3.5"));
    expect(identityKey("claude-opus-4-0")).toBe(identityKey("claude-opus-4"));
    expect(identityKey("gemma4:31b")).toBe(identityKey("gemma-4-31b"));
  });

  it("keeps sizes, generations and variants apart", () => {
    expect(identityKey("llama-3.1-70b")).not.toBe(identityKey("llama-3.1-8b"));
    expect(identityKey("gpt-4o")).not.toBe(identityKey("gpt-4o-mini"));
    expect(identityKey("qwen3-235b-a22b")).not.toBe(identityKey("qwen3-235b-a22b-2507"));
    expect(identityKey("deepseek-v3.2:thinking")).not.toBe(identityKey("deepseek-v3.2"));
  });

  it("reads a snapshot date in every form as one date, which the loose key drops", () => {
    expect(snapshotDateOf("claude-3-5-haiku-20241022")).toBe("2024-10-22");
    expect(snapshotDateOf("gpt-4o-2024-05-13")).toBe("2024-05-13");
    expect(snapshotDateOf("claude-3-5-haiku@20241022")).toBe("2024-10-22");
    expect(snapshotDateOf("qwen3-235b-a22b-instruct-2507")).toBeUndefined();
    expect(identityKey("claude-3-5-haiku-20241022")).toBe(identityKey("claude-3-5-haiku-2024-10-22"));
    expect(looseIdentityKey("claude-3-5-haiku-20241022")).toBe(looseIdentityKey("claude-3.5-haiku-latest"));
  });
});

describe("routers", () => {
  it("gives each provider's bare auto router a model of its own, and a router its maker names one model wherever it is served", () => {
    const index = new ModelIdentityIndex([], [], ["openrouter", "kilo", "morph", "llmgateway"]);
    const morph = index.resolve("auto", undefined, [], { providerId: "morph" });
    const llmgateway = index.resolve("auto", undefined, [], { providerId: "llmgateway" });
    expect([morph, llmgateway]).toEqual(["morph/auto", "llmgateway/auto"]);
    expect(index.resolve("openrouter/auto", "openrouter", [], { providerId: "openrouter" })).toBe("openrouter/auto");
    expect(index.resolve("openrouter/auto", undefined, [], { providerId: "kilo" })).toBe("openrouter/auto");
    expect(index.modelForName("auto")).toBeUndefined();
  });
});

describe("published ids", () => {
  it("keep their model: a name recorded as an alias resolves to it whatever the rules would say today", () => {
    const index = new ModelIdentityIndex([{ id: "claude-3-5-haiku", authorId: "anthropic" }, { id: "claude-3-5-haiku-20241022", authorId: "anthropic" }], [{ alias: "claude-3.5-haiku", modelId: "claude-3-5-haiku-20241022" }]);
    expect(index.resolve("claude-3.5-haiku", undefined)).toBe("claude-3-5-haiku-20241022");
    expect(index.resolve("claude-3-5-haiku", undefined)).toBe("claude-3-5-haiku");
  });
});

describe("a name remembered again", () => {
  it("gains the keys a publisher learnt since then gives it, and nothing else changes", () => {
    const index = new ModelIdentityIndex([], [], []);
    index.alias("acmeai-widget-7b", "acmeai-widget-7b");
    // "acmeai" is no known party yet: the name is not found by its name without that prefix.
    expect(index.modelsForKey(identityKey("widget-7b"))).toEqual([]);
    index.alias("acmeai-widget-7b", "acmeai-widget-7b");
    expect(index.modelsForKey(identityKey("widget-7b"))).toEqual([]);
    index.addParty("acmeai", true);
    index.alias("acmeai-widget-7b", "acmeai-widget-7b");
    expect(index.modelsForKey(identityKey("widget-7b"))).toEqual(["acmeai-widget-7b"]);
    expect(index.modelForName("acmeai-widget-7b")).toBe("acmeai-widget-7b");
  });
});
