import fs from "node:fs";
import path from "node:path";
import { parseFoundryCard } from "../../src/ingest/foundry/foundryCard.parser";
import { ParseError } from "../../src/ingest/observation";

const card = fs.readFileSync(path.join(__dirname, "../fixtures/foundry/gpt-4.1-mini.txt"), "utf8");
const parsed = parseFoundryCard(card, "foundry/gpt-4.1-mini.txt");
const model = parsed.models[0];

describe("the Microsoft Foundry model card parser", () => {
  it("reads the seed card as one model by OpenAI, served by the azure provider", () => {
    expect(parsed.format).toBe("foundry");
    expect(parsed.models).toHaveLength(1);
    expect(model.ref).toBe("gpt-4.1-mini");
    expect(model.authorId).toEqual({ value: "openai", locator: "L144", raw: "OpenAI" });
    expect(parsed.authors).toEqual([{ id: "openai", name: { value: "OpenAI", locator: "L144" } }]);
    expect(parsed.providers.map((p) => [p.id, p.kind?.value])).toEqual([["azure", "CLOUD"]]);
    expect(parsed.issues).toEqual([]);
  });

  it("states every fact of the header and the specifications block, with its line", () => {
    expect(model.fields).toEqual({
      name: { value: "GPT-4.1-mini", locator: "L1", raw: "OpenAI GPT-4.1-mini" },
      snapshot: { value: "2025-04-14", locator: "L3" },
      description: {
        value: "gpt-4.1-mini outperform gpt-4o-mini across the board, with major gains in coding, instruction following, and long-context handling",
        locator: "L5",
      },
      lastUpdated: { value: "2025-12", locator: "L141", raw: "December 2025", precision: "month" },
      knowledgeCutoff: { value: "2024-05", locator: "L140", raw: "May 2024", precision: "month" },
      contextWindow: { value: 1048576, locator: "L137" },
      qualityIndex: { value: "0.8", locator: "L138", raw: "0.80" },
      license: { value: "Custom", locator: "L139" },
      inputModalities: { value: ["image", "text"], locator: "L142", raw: "Text,Image" },
      outputModalities: { value: ["text"], locator: "L143", raw: "Text" },
      languageCount: { value: 27, locator: "L145", raw: "27 Languages" },
    });
    expect(model.capabilities).toEqual({ vision: { value: "SUPPORTED", locator: "L142", raw: "Text,Image" } });
  });

  it("keeps the long-context limit and the 128k billing split on the Foundry offering, as rounded values", () => {
    expect(parsed.offerings).toEqual([
      {
        providerId: "azure",
        providerModelId: "gpt-4.1-mini",
        modelRef: "gpt-4.1-mini",
        fields: {
          maxInputTokens: { value: 1_000_000, locator: "L79", raw: "1M", precision: "rounded" },
          billingTierThresholds: { value: [128_000], locator: "L79", raw: "128k", precision: "rounded" },
        },
        capabilities: {},
        prices: [],
      },
    ]);
  });

  it("reports every 'not supplied' section as unstated, never as a value", () => {
    expect(model.unstated?.map((u) => u.section)).toEqual([
      "Key use cases",
      "Out of scope use cases",
      "Technical specs",
      "Training cut-off date",
      "Training time",
      "Output formats",
      "Supported languages",
      "Sample JSON response",
      "Model architecture",
      "Optimizing model performance",
      "Additional assets",
      "Training, testing and validation",
      "Distribution channels",
      "More information",
      "Safety evaluations",
      "Known limitations",
      "Acceptable use policy",
      "Quality and performance evaluations",
      "Benchmarking methodology",
      "Public data summary",
    ]);
    expect(model.unstated?.[0]).toEqual({ section: "Key use cases", locator: "L35" });
  });

  it("reads another card of the same layout, with CRLF line ends and a limit it has not seen", () => {
    const other = [
      "Meta Llama-3.3-70B-Instruct",
      "Version: 9",
      "MetaLast updated March 2025",
      "A multilingual instruction-tuned model.",
      "",
      "Long context",
      "",
      "The provider has not supplied this information.",
      "Model Specifications",
      "Context Length131072",
      "Max Output Tokens8192",
      "LicenseLlama 3.3 Community License",
      "Training DataDecember 2023",
      "Input TypeText",
      "Output TypeText",
      "ProviderMeta",
      "LanguagesEnglish, German, French",
    ].join("\r\n");

    const result = parseFoundryCard(other, "llama.txt");
    const m = result.models[0];

    expect(m.ref).toBe("llama-3.3-70b-instruct");
    expect(m.authorId?.value).toBe("meta");
    expect(m.fields.maxOutputTokens).toEqual({ value: 8192, locator: "L11" });
    expect(m.fields.knowledgeCutoff?.value).toBe("2023-12");
    expect(m.fields.languages).toEqual({ value: ["English", "German", "French"], locator: "L17" });
    expect(m.capabilities.vision).toBeUndefined();
    expect(m.unstated).toEqual([{ section: "Long context", locator: "L8" }]);
    expect(result.offerings[0].fields).toEqual({});
  });

  it("reports malformed specification values with their lines and keeps the rest", () => {
    const bad = ["Acme Rocket", "Version: 1", "Model Specifications", "Context Lengthhuge", "Quality Indexgood", "Training DataSoon", "Colour Blue", "LicenseMIT"].join("\n");

    const result = parseFoundryCard(bad, "rocket.txt");

    expect(result.issues).toEqual([
      { code: "UNKNOWN_VALUE", message: 'unknown specification "Colour Blue"', locator: "L7" },
      { code: "INVALID_DATE", message: 'expected a month and year, got "Soon"', locator: "L6" },
      { code: "INVALID_NUMBER", message: 'expected a whole number of tokens, got "huge"', locator: "L4" },
      { code: "INVALID_NUMBER", message: 'Quality Index is not a number: "good"', locator: "L5" },
    ]);
    expect(result.models[0].fields.license?.value).toBe("MIT");
    expect(result.models[0].fields.contextWindow).toBeUndefined();
  });

  it.each([
    ["", /empty document/],
    ["\n\n  \n", /empty document/],
    ["PK\u0003\u0004\u0000\u0000binary", /binary content/],
    ["# A markdown page\n\nSome text.", /not a Foundry model card/],
  ])("refuses the unreadable document %j with a ParseError naming the file", (doc, reason) => {
    expect(() => parseFoundryCard(doc, "cards/x.txt")).toThrow(ParseError);
    expect(() => parseFoundryCard(doc, "cards/x.txt")).toThrow(reason);
    expect(() => parseFoundryCard(doc, "cards/x.txt")).toThrow(/^cards\/x\.txt/);
  });
});
