import fs from "node:fs";
import path from "node:path";
import { ParseError, type ModelObservation, type ParsedDocument } from "../../src/ingest/observation";
import { parseStarmapPage } from "../../src/ingest/starmap/starmapPage.parser";

const FIXTURES = path.join(__dirname, "../fixtures/starmap");
const read = (relative: string) => fs.readFileSync(path.join(FIXTURES, relative), "utf8");
const parse = (relative: string) => parseStarmapPage(read(relative), relative);

/** A document with every locator blanked, to compare what two copies of a page state. */
function withoutLocators(doc: ParsedDocument): unknown {
  return JSON.parse(JSON.stringify({ ...doc, origin: "" }, (key, value) => (key === "locator" ? "" : value)));
}

const SEED = "seed-004_03887db0652c48e6.txt";
const AUTHOR_PAGE = "authors/openai/models/gpt-4.1-mini.md";
const PROVIDER_PAGE = "providers/openai/models/gpt-4.1-mini.md";

describe("the Starmap page parser on the seed page (authors/openai/models/gpt-4.1-mini.md, mis-decoded)", () => {
  const seed = parseStarmapPage(read(SEED), SEED);
  const model = seed.models[0];

  it("reads one model, gpt-4.1-mini by openai, and no issue", () => {
    expect(seed.format).toBe("starmap");
    expect(seed.origin).toBe(SEED);
    expect(seed.models).toHaveLength(1);
    expect(model.ref).toBe("gpt-4.1-mini");
    expect(model.aliases).toEqual([]);
    expect(model.authorId).toEqual({ value: "openai", locator: "L21", raw: "OpenAI" });
    expect(seed.authors).toEqual([{ id: "openai", name: { value: "OpenAI", locator: "L21" } }]);
    expect(seed.issues).toEqual([]);
  });

  it("states every row of the Technical Specifications table, rounded counts with their step", () => {
    expect(model.fields).toEqual({
      name: { value: "gpt-4.1-mini", locator: "L17" },
      contextWindow: { value: 1_000_000, locator: "L29", raw: "1.0M tokens", precision: "rounded", step: 100_000 },
      maxOutputTokens: { value: 32_000, locator: "L30", raw: "32k tokens", precision: "rounded", step: 1000 },
      releaseDate: { value: "2025-04-14", locator: "L31", precision: "day" },
      openWeights: { value: false, locator: "L32" },
      inputModalities: { value: ["text"], locator: "L37" },
      outputModalities: { value: ["text"], locator: "L37" },
    });
  });

  it("states no knowledge cutoff, because the author page gives none", () => {
    expect(model.fields.knowledgeCutoff).toBeUndefined();
  });

  it("reads every capability badge, repairing the mis-decoded check marks", () => {
    const supported = { value: "SUPPORTED", locator: "L37", raw: "✓" };
    const core = { value: "CORE", locator: "L37", raw: "core" };
    expect(model.capabilities).toEqual({
      text: supported,
      tool_calls: supported,
      tools: supported,
      tool_choice: supported,
      temperature: core,
      top_p: core,
      max_tokens: core,
      stop: core,
      frequency_penalty: core,
      presence_penalty: core,
      logprobs: core,
      format_response: supported,
      structured_outputs: supported,
      streaming: supported,
    });
  });

  it("turns the Provider Availability row into an openai offering at $0.40 / $1.60 per 1M tokens", () => {
    expect(seed.offerings).toEqual([
      {
        providerId: "openai",
        providerModelId: "gpt-4.1-mini",
        modelRef: "gpt-4.1-mini",
        fields: { contextWindow: { value: 1_000_000, locator: "L47", raw: "1.0M", precision: "rounded", step: 100_000 } },
        capabilities: {},
        prices: [
          { kind: "INPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "0.4", currency: "USD", locator: "L47", raw: "$0.40" },
          { kind: "OUTPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "1.6", currency: "USD", locator: "L47", raw: "$1.60" },
        ],
      },
    ]);
    expect(seed.providers).toEqual([{ id: "openai", name: { value: "OpenAI", locator: "L47" } }]);
  });

  it("resolves the row's link from the Starmap root although the seed's name is not a catalog path", () => {
    expect(seed.links).toEqual([{ target: "providers/openai/models/gpt-4.1-mini.md", locator: "L47" }]);
  });

  it("gives the same observations as the clean page, apart from locators", () => {
    expect(withoutLocators(seed)).toEqual(withoutLocators(parse(AUTHOR_PAGE)));
  });

  it("gives the same observations, locators included, since both copies have the same lines", () => {
    expect({ ...seed, origin: AUTHOR_PAGE }).toEqual(parse(AUTHOR_PAGE));
  });
});

describe("the Starmap page parser on author model pages", () => {
  it("reads the description and one offering per provider row", () => {
    const doc = parse("authors/google/models/gemini-2.5-flash.md");
    const model = doc.models[0];
    expect(model.ref).toBe("gemini-2.5-flash");
    expect(model.authorId).toEqual({ value: "google", locator: "L24", raw: "Google" });
    expect(model.fields.name).toEqual({ value: "Gemini 2.5 Flash", locator: "L17" });
    expect(model.fields.description).toEqual({
      value: "Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens, released in June of 2025.",
      locator: "L19",
    });
    expect(model.fields.inputModalities).toEqual({ value: ["image", "text"], locator: "L40", raw: "text,image" });
    expect(model.fields.maxOutputTokens).toEqual({ value: 65_000, locator: "L33", raw: "65k tokens", precision: "rounded", step: 1000 });
    expect(model.capabilities.vision).toEqual({ value: "SUPPORTED", locator: "L40", raw: "✓" });
    expect(model.capabilities.top_k).toEqual({ value: "SUPPORTED", locator: "L40", raw: "advanced" });
    expect(doc.offerings.map((o) => [o.providerId, o.providerModelId, o.modelRef, o.prices.map((p) => `${p.kind} ${p.amount}`)])).toEqual([
      ["google-ai-studio", "gemini-2.5-flash", "gemini-2.5-flash", ["INPUT 0.3", "OUTPUT 2.5"]],
      ["google-vertex", "gemini-2.5-flash", "gemini-2.5-flash", ["INPUT 0.3", "OUTPUT 2.5"]],
    ]);
    expect(doc.providers.map((p) => [p.id, p.name?.value])).toEqual([
      ["google-ai-studio", "Google AI Studio"],
      ["google-vertex", "Google Vertex AI"],
    ]);
    expect(doc.links).toEqual([
      { target: "providers/google-ai-studio/models/gemini-2.5-flash.md", locator: "L50" },
      { target: "providers/google-vertex/models/gemini-2.5-flash.md", locator: "L51" },
    ]);
  });

  it("keeps a model id with a slash as the offering's id though the link flattens it, and a 131.1k context with step 100", () => {
    const doc = parse("authors/meta/models/meta-llama/llama-guard-4-12b.md");
    expect(doc.models[0].ref).toBe("meta-llama/llama-guard-4-12b");
    expect(doc.models[0].authorId).toEqual({ value: "meta", locator: "L21", raw: "Meta" });
    expect(doc.models[0].fields.maxOutputTokens).toEqual({ value: 128, locator: "L30", raw: "128 tokens" });
    expect(doc.offerings).toHaveLength(1);
    expect(doc.offerings[0]).toMatchObject({
      providerId: "groq",
      providerModelId: "meta-llama/llama-guard-4-12b",
      modelRef: "meta-llama/llama-guard-4-12b",
      fields: { contextWindow: { value: 131_100, locator: "L47", raw: "131.1k", precision: "rounded", step: 100 } },
    });
    // The generator writes this link three levels up from a folder four levels deep; resolved as written.
    expect(doc.links).toEqual([{ target: "authors/providers/groq/models/meta-llama-llama-guard-4-12b.md", locator: "L47" }]);
  });
});

describe("the Starmap page parser on provider model pages", () => {
  const doc = parse(PROVIDER_PAGE);
  const model = doc.models[0];

  it("states the model-level facts of the Overview on the model", () => {
    expect(model.ref).toBe("gpt-4.1-mini");
    expect(model.authorId).toEqual({ value: "openai", locator: "L10", raw: "OpenAI" });
    expect(model.fields).toEqual({
      name: { value: "gpt-4.1-mini", locator: "L1" },
      releaseDate: { value: "2025-04-14", locator: "L11", precision: "day" },
      knowledgeCutoff: { value: "2024-04-01", locator: "L12", precision: "day" },
      openWeights: { value: false, locator: "L13" },
      inputModalities: { value: ["text"], locator: "L30" },
      outputModalities: { value: ["text"], locator: "L30" },
    });
    expect(doc.authors).toEqual([{ id: "openai", name: { value: "OpenAI", locator: "L10" } }]);
    expect(doc.links).toEqual([{ target: "authors/openai/README.md", locator: "L10" }]);
    expect(doc.issues).toEqual([]);
  });

  it("reads badges and the ✅/❌ tables; 'core' refines the spec badges' 'supported'", () => {
    expect(model.capabilities.temperature).toEqual({ value: "CORE", locator: "L30", raw: "core" });
    expect(model.capabilities.tool_calls).toEqual({ value: "SUPPORTED", locator: "L30", raw: "✓" });
    expect(model.capabilities.web_search).toEqual({ value: "NOT_SUPPORTED", locator: "L45", raw: "❌" });
    expect(model.capabilities.attachments).toEqual({ value: "NOT_SUPPORTED", locator: "L45", raw: "❌" });
    expect(Object.keys(model.capabilities).sort()).toEqual([
      "attachments", "format_response", "frequency_penalty", "logprobs", "max_tokens", "presence_penalty", "stop",
      "streaming", "structured_outputs", "temperature", "text", "tool_calls", "tool_choice", "tools", "top_p", "web_search",
    ]);
  });

  it("puts the limits and the Token Pricing on the openai offering", () => {
    expect(doc.offerings).toEqual([
      {
        providerId: "openai",
        providerModelId: "gpt-4.1-mini",
        modelRef: "gpt-4.1-mini",
        fields: {
          contextWindow: { value: 1_000_000, locator: "L14", raw: "1.0M tokens", precision: "rounded", step: 100_000 },
          maxOutputTokens: { value: 32_000, locator: "L15", raw: "32k tokens", precision: "rounded", step: 1000 },
        },
        capabilities: {},
        prices: [
          { kind: "INPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "0.4", currency: "USD", locator: "L94", raw: "$0.40/1M" },
          { kind: "OUTPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "1.6", currency: "USD", locator: "L94", raw: "$1.60/1M" },
        ],
      },
    ]);
    expect(doc.providers).toEqual([{ id: "openai", name: { value: "OpenAI", locator: "L9" } }]);
  });

  it("reads cached-input and cache-write prices from their columns (a real page with those cells filled in)", () => {
    const text = read(PROVIDER_PAGE).replace("| $0.40/1M | $1.60/1M | - | - | - |", "| $0.40/1M | $1.60/1M | - | $0.10/1M | $0.125/1M |");
    const prices = parseStarmapPage(text, PROVIDER_PAGE).offerings[0].prices;
    expect(prices.map((p) => [p.kind, p.amount, p.unit, p.contextAbove, p.locator])).toEqual([
      ["INPUT", "0.4", "PER_1M_TOKENS", 0, "L94"],
      ["OUTPUT", "1.6", "PER_1M_TOKENS", 0, "L94"],
      ["CACHED_INPUT", "0.1", "PER_1M_TOKENS", 0, "L94"],
      ["CACHE_WRITE", "0.125", "PER_1M_TOKENS", 0, "L94"],
    ]);
  });

  it("reads the generator's Operation Pricing table, and reports the video price it has no kind for", () => {
    const operations = [
      "",
      "### Operation Pricing",
      "",
      "| Image Input | Audio Input | Video Input | Image Gen | Audio Gen | Web Search |",
      "|---------|---------|---------|---------|---------|---------|",
      "| $0.040/img | - | $0.100/min | - | $0.015/min | $0.010/query |",
    ].join("\n");
    const lines = read(PROVIDER_PAGE).split("\n");
    lines.splice(94, 0, ...operations.split("\n"));
    const doc = parseStarmapPage(lines.join("\n"), PROVIDER_PAGE);
    expect(doc.offerings[0].prices.slice(2).map((p) => [p.kind, p.unit, p.amount, p.locator])).toEqual([
      ["INPUT_IMAGE", "PER_IMAGE", "0.04", "L100"],
      ["OUTPUT_AUDIO", "PER_MINUTE", "0.015", "L100"],
      ["WEB_SEARCH", "PER_REQUEST", "0.01", "L100"],
    ]);
    expect(doc.issues).toEqual([{ code: "UNKNOWN_VALUE", message: 'the catalog has no price kind for "Video Input": "$0.100/min"', locator: "L100" }]);
  });

  it("keeps a $0.00/1M price as a zero amount with its raw text", () => {
    const prices = parse("providers/groq/models/whisper-large-v3-turbo.md").offerings[0].prices;
    expect(prices.map((p) => [p.kind, p.amount, p.raw])).toEqual([
      ["INPUT", "0", "$0.00/1M"],
      ["OUTPUT", "0", "$0.00/1M"],
    ]);
  });

  it("reads a page without pricing, with a description and an Advanced Reasoning table", () => {
    const doc = parse("providers/google-vertex/models/deepseek-v3.1-maas-at-001.md");
    const model = doc.models[0];
    expect(model.ref).toBe("deepseek-v3.1-maas@001");
    expect(model.fields.name).toEqual({ value: "Deepseek V3.1 Maas", locator: "L1" });
    expect(model.authorId).toEqual({ value: "deepseek", locator: "L10", raw: "DeepSeek" });
    expect(model.capabilities.reasoning).toEqual({ value: "SUPPORTED", locator: "L24", raw: "✓" });
    expect(model.capabilities.reasoning_effort).toEqual({ value: "NOT_SUPPORTED", locator: "L53", raw: "❌" });
    expect(doc.offerings).toEqual([
      {
        providerId: "google-vertex",
        providerModelId: "deepseek-v3.1-maas@001",
        modelRef: "deepseek-v3.1-maas@001",
        fields: {
          contextWindow: { value: 64_000, locator: "L12", raw: "64k tokens", precision: "rounded", step: 1000 },
          maxOutputTokens: { value: 4000, locator: "L13", raw: "4k tokens", precision: "rounded", step: 1000 },
        },
        capabilities: {},
        prices: [],
      },
    ]);
  });

  it("reads a model id with a slash on a page in a sub-folder, its provider from the path", () => {
    const doc = parse("providers/groq/models/openai/gpt-oss-120b.md");
    expect(doc.models[0].ref).toBe("openai/gpt-oss-120b");
    expect(doc.offerings[0]).toMatchObject({ providerId: "groq", providerModelId: "openai/gpt-oss-120b", modelRef: "openai/gpt-oss-120b" });
    expect(doc.offerings[0].prices.map((p) => p.amount)).toEqual(["0.15", "0.75"]);
  });

  it("learns the provider id from the page's provider name when the path does not give it", () => {
    const doc = parseStarmapPage(read(PROVIDER_PAGE), "copy-of-a-page.md");
    expect(doc.offerings[0].providerId).toBe("openai");
    expect(doc.links).toEqual([{ target: "authors/openai/README.md", locator: "L10" }]);
  });
});

describe("the Starmap page parser on provider and author pages", () => {
  it("reads the openai provider page: id, name, key variable, endpoints, privacy and retention", () => {
    const doc = parse("providers/openai/README.md");
    expect(doc.models).toEqual([]);
    expect(doc.offerings).toEqual([]);
    expect(doc.providers).toEqual([
      {
        id: "openai",
        name: { value: "OpenAI", locator: "L1" },
        apiKeyEnvVars: { value: ["OPENAI_API_KEY"], locator: "L13" },
        statusPageUrl: { value: "https://status.openai.com", locator: "L14" },
        docsUrl: { value: "https://platform.openai.com/docs/models", locator: "L19" },
        apiUrl: { value: "https://api.openai.com/v1/chat/completions", locator: "L23" },
        privacyPolicyUrl: { value: "https://openai.com/privacy", locator: "L30" },
        trainsOnData: { value: false, locator: "L36", raw: "No" },
        dataRetentionDays: { value: 30, locator: "L43", raw: "30 days" },
        headquarters: { value: "San Francisco, CA, USA", locator: "L59" },
      },
    ]);
    expect(doc.links).toHaveLength(73);
    expect(doc.links[0]).toEqual({ target: "providers/openai/models/dall-e-2.md", locator: "L68" });
    expect(doc.issues).toEqual([]);
  });

  it("reads 'Immediate deletion' as a retention of zero days", () => {
    const provider = parse("providers/cerebras/README.md").providers[0];
    expect(provider.id).toBe("cerebras");
    expect(provider.dataRetentionDays).toEqual({ value: 0, locator: "L43", raw: "Immediate deletion" });
  });

  it("reads the openai author page: id, name, website and description", () => {
    const doc = parse("authors/openai/README.md");
    expect(doc.authors).toEqual([
      {
        id: "openai",
        name: { value: "OpenAI", locator: "L1" },
        url: { value: "https://openai.com", locator: "L14" },
        description: { value: "AI research company known for GPT models, ChatGPT, and DALL-E", locator: "L5" },
      },
    ]);
    expect(doc.models).toEqual([]);
    expect(doc.links[0]).toEqual({ target: "authors/openai/models/gpt-oss-at-gpt-oss-120b.md", locator: "L25" });
  });

  it("gives an empty document for the catalog's index page", () => {
    const doc = parse("README.md");
    expect(doc).toEqual({ format: "starmap", origin: "README.md", authors: [], providers: [], models: [], offerings: [], issues: [], links: [] });
  });
});

describe("the Starmap page parser on bad input", () => {
  it("throws a ParseError naming the file for an empty or blank document", () => {
    expect(() => parseStarmapPage("", "authors/x/models/y.md")).toThrow(new ParseError("authors/x/models/y.md", "empty document"));
    expect(() => parseStarmapPage(" \n\t\n  ", "a.md")).toThrow("a.md: empty document");
  });

  it("throws on binary content, with or without NUL bytes", () => {
    const png = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000";
    expect(() => parseStarmapPage(png, "logo.md")).toThrow(/^logo\.md: binary content/);
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 7))).join("") + "# title";
    expect(() => parseStarmapPage(noise, "noise.md")).toThrow(/binary content/);
  });

  it("throws when an author model page has no Model ID, naming the specifications table's line", () => {
    const text = read(AUTHOR_PAGE).replace("| **Model ID** | `gpt-4.1-mini` |\n", "");
    let error: unknown;
    try {
      parseStarmapPage(text, AUTHOR_PAGE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).line).toBe(26);
    expect((error as ParseError).message).toBe(`${AUTHOR_PAGE}:26: model page without a Model ID: its Technical Specifications table has no "Model ID" row`);
  });

  it("throws when a provider model page has no ID, naming the Overview's line", () => {
    const text = read(PROVIDER_PAGE).replace("- **ID**: `gpt-4.1-mini`\n", "");
    expect(() => parseStarmapPage(text, PROVIDER_PAGE)).toThrow(`${PROVIDER_PAGE}:6: model page without a Model ID: its Overview has no "ID" item`);
  });

  it("reports a negative Token Pricing price and keeps the others", () => {
    const text = read(PROVIDER_PAGE).replace("| $0.40/1M | $1.60/1M |", "| -$0.40/1M | $1.60/1M |");
    const doc = parseStarmapPage(text, PROVIDER_PAGE);
    expect(doc.offerings[0].prices.map((p) => p.kind)).toEqual(["OUTPUT"]);
    expect(doc.issues).toEqual([{ code: "NEGATIVE_PRICE", message: 'Input price is negative: "-$0.40/1M"', locator: "L94" }]);
  });

  it("reports a price that is not a number ('abc') and keeps the others", () => {
    const text = read(PROVIDER_PAGE).replace("| $0.40/1M | $1.60/1M |", "| $0.40/1M | abc |");
    const doc = parseStarmapPage(text, PROVIDER_PAGE);
    expect(doc.offerings[0].prices.map((p) => p.kind)).toEqual(["INPUT"]);
    expect(doc.issues).toEqual([{ code: "INVALID_NUMBER", message: 'Output price is not a price: "abc"', locator: "L94" }]);
  });

  it("reports bad prices in a Provider Availability row", () => {
    const text = read(AUTHOR_PAGE).replace("| $0.40 / $1.60 |", "| $-0.40 / $abc |");
    const doc = parseStarmapPage(text, AUTHOR_PAGE);
    expect(doc.offerings[0].prices).toEqual([]);
    expect(doc.issues).toEqual([
      { code: "NEGATIVE_PRICE", message: 'input price is negative: "$-0.40"', locator: "L47" },
      { code: "INVALID_NUMBER", message: 'output price is not a price: "$abc"', locator: "L47" },
    ]);
  });

  it("reports a count it cannot read and a date that is not one, keeping the rest of the page", () => {
    const text = read(AUTHOR_PAGE).replace("| 32k tokens |", "| lots |").replace("| 2025-04-14 |", "| 2025-13-01 |");
    const doc = parseStarmapPage(text, AUTHOR_PAGE);
    const model: ModelObservation = doc.models[0];
    expect(model.fields.maxOutputTokens).toBeUndefined();
    expect(model.fields.releaseDate).toBeUndefined();
    expect(model.fields.contextWindow?.value).toBe(1_000_000);
    expect(doc.issues).toEqual([
      { code: "INVALID_NUMBER", message: 'Max Output is not a token count: "lots"', locator: "L30" },
      { code: "INVALID_DATE", message: 'Release Date is not a date: "2025-13-01"', locator: "L31" },
    ]);
  });
});
