import { duplicateKey } from "../../../src/catalog/quality/duplicateKey";
import { suspectedDuplicates } from "../../../src/catalog/quality/suspectedDuplicates";
import { resolveModelId } from "../../../src/catalog/identity/modelIdentity";

describe("the duplicate key of the quality report", () => {
  it("puts the four Claude 3.5 Haiku records of the seed under one key", () => {
    const keys = ["claude-3-5-haiku", "claude-3.5-haiku", "claude-3-5-haiku-20241022", "claude-haiku-3.5"].map(duplicateKey);
    expect(new Set(keys)).toEqual(new Set(["35 claude haiku"]));
  });

  it("catches what the identity rules keep apart (they leave each of these ids as it is)", () => {
    const nothingKnown = { modelForName: () => undefined, authorOf: () => undefined };
    expect(resolveModelId("claude-haiku-3.5", undefined, nothingKnown)).toBe("claude-haiku-3.5");
    expect(duplicateKey("claude-haiku-3.5")).toBe(duplicateKey("claude-3-5-haiku"));
  });

  it.each([
    ["gpt-4o", "gpt-4o-mini"],
    ["llama-3.1-70b-instruct", "llama-3.1-8b-instruct"],
    ["claude-3.5-haiku", "claude-3-haiku"],
    ["deepseek-v3", "deepseek-v3.1"],
    ["claude-3-5-sonnet-v2", "claude-3-5-sonnet"],
    ["kimi-k2.5-thinking", "kimi-k2.5"],
  ])("never puts %s and %s together (a different size, generation or variant)", (a, b) => {
    expect(duplicateKey(a)).not.toBe(duplicateKey(b));
  });

  it.each([
    ["meta.llama3-1-70b-instruct-v1:0", "llama-3.1-70b-instruct", "Bedrock's author prefix and version; 3-1 and 3.1"],
    ["meta-llama-3.1-70b-instruct", "llama-3.1-70b-instruct", "a vendor name in front"],
    ["us.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4.5", "a region, a vendor, a date and a version"],
    ["accounts/fireworks/models/kimi-k2p6", "kimi-k2.6", "a provider's path and Fireworks' p for the point"],
    ["workers-ai/@cf/moonshotai/kimi-k2.6", "kimi-k2.6", "Workers AI's path"],
    ["claude-3-haiku@20240307", "claude-3-haiku", "Vertex's @ snapshot"],
    ["gemini-1.5-flash-002@default", "gemini-1.5-flash", "a revision and Vertex's @default"],
    ["gpt-oss-20b:free", "gpt-oss-20b", "OpenRouter's :free"],
    ["openai.gpt-oss-20b-1:0", "gpt-oss-20b", "Bedrock's version without the v"],
    ["gpt-oss-20b-maas", "gpt-oss-20b", "Vertex's model-as-a-service"],
    ["claude-3-5-haiku-latest", "claude-3-5-haiku", "-latest"],
    ["gpt-4o-2024-05-13", "gpt-4o", "a dated snapshot with dashes"],
  ])("reads %s as %s (%s)", (given, same) => {
    expect(duplicateKey(given)).toBe(duplicateKey(same));
  });
});

describe("suspected duplicates", () => {
  const ids = ["claude-3-5-haiku", "claude-3.5-haiku", "claude-3-5-haiku-20241022", "claude-haiku-3.5", "gpt-4o", "gpt-4o-mini", "gpt-4o-2024-08-06", "o3"];

  it("groups colliding ids, largest group first, and counts records, surplus and its share of all models", () => {
    expect(suspectedDuplicates(ids)).toEqual({
      groups: 2,
      records: 6,
      surplus: 4,
      surplusPercent: 50,
      list: [
        { key: "35 claude haiku", modelIds: ["claude-3-5-haiku", "claude-3-5-haiku-20241022", "claude-3.5-haiku", "claude-haiku-3.5"] },
        { key: "4 gpt o", modelIds: ["gpt-4o", "gpt-4o-2024-08-06"] },
      ],
    });
  });

  it("finds nothing in an empty catalog", () => {
    expect(suspectedDuplicates([])).toEqual({ groups: 0, records: 0, surplus: 0, surplusPercent: 0, list: [] });
  });
});
