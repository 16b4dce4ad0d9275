import fs from "node:fs";
import path from "node:path";
import { parseOpenRouterModels } from "../../src/ingest/openrouter/openrouterModels.parser";
import { ParseError } from "../../src/ingest/observation";

const fixture = path.join(__dirname, "../fixtures/openrouter/models.json");
const text = fs.readFileSync(fixture, "utf8");
const parsed = parseOpenRouterModels(text, "openrouter/models.json");
const entryIndex = (JSON.parse(text) as { data: { id: string }[] }).data.findIndex((e) => e.id === "openai/gpt-4.1-mini");
const at = `data[${entryIndex}]`;

describe("the OpenRouter model list parser", () => {
  it("reads every entry of the real list as one model observation and one openrouter offering", () => {
    expect(parsed.format).toBe("openrouter");
    expect(parsed.models).toHaveLength(364);
    expect(parsed.offerings).toHaveLength(364);
    expect(parsed.providers).toEqual([
      { id: "openrouter", name: { value: "OpenRouter", locator: "" }, kind: { value: "AGGREGATOR", locator: "" } },
    ]);
    expect(parsed.authors.map((a) => a.id)).toEqual(expect.arrayContaining(["openai", "anthropic", "google"]));
  });

  it("states gpt-4.1-mini's model facts with their key paths", () => {
    const model = parsed.models.find((m) => m.ref === "openai/gpt-4.1-mini")!;

    expect(model.authorId).toEqual({ value: "openai", locator: `${at}.id`, raw: "openai/gpt-4.1-mini" });
    expect(model.aliases).toEqual(["openai/gpt-4.1-mini-2025-04-14"]);
    expect(model.fields.name).toEqual({ value: "GPT-4.1 Mini", locator: `${at}.name`, raw: "OpenAI: GPT-4.1 Mini" });
    expect(model.fields.contextWindow).toEqual({ value: 1047576, locator: `${at}.context_length` });
    expect(model.fields.maxOutputTokens).toEqual({ value: 32768, locator: `${at}.top_provider.max_completion_tokens` });
    expect(model.fields.knowledgeCutoff).toEqual({ value: "2024-06-30", locator: `${at}.knowledge_cutoff`, precision: "day" });
    expect(model.fields.releaseDate).toEqual({ value: "2025-04-14", locator: `${at}.created`, raw: "1744651381", precision: "day" });
    expect(model.fields.inputModalities?.value).toEqual(["file", "image", "text"]);
    expect(model.fields.outputModalities?.value).toEqual(["text"]);
    expect(model.fields.tokenizer?.value).toBe("GPT");
    expect(model.fields.huggingFaceId).toBeUndefined();
    expect(model.fields.deprecationDate).toBeUndefined();
  });

  it("turns supported parameters into capability flags and leaves the rest unknown", () => {
    const model = parsed.models.find((m) => m.ref === "openai/gpt-4.1-mini")!;

    expect(Object.keys(model.capabilities).sort()).toEqual(
      ["format_response", "max_tokens", "seed", "structured_outputs", "temperature", "tool_calls", "tool_choice", "tools", "top_p", "vision"].sort(),
    );
    expect(model.capabilities.structured_outputs).toEqual({
      value: "SUPPORTED",
      locator: `${at}.supported_parameters[4]`,
      raw: "structured_outputs",
    });
    expect(model.capabilities.logprobs).toBeUndefined();
  });

  it("scales per-token prices to exact per-1M-token prices and keeps per-request ones", () => {
    const offering = parsed.offerings.find((o) => o.providerModelId === "openai/gpt-4.1-mini")!;

    expect(offering.providerId).toBe("openrouter");
    expect(offering.modelRef).toBe("openai/gpt-4.1-mini");
    expect(offering.prices).toEqual([
      { kind: "INPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "0.4", currency: "USD", locator: `${at}.pricing.prompt`, raw: "0.0000004" },
      { kind: "OUTPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "1.6", currency: "USD", locator: `${at}.pricing.completion`, raw: "0.0000016" },
      { kind: "WEB_SEARCH", unit: "PER_REQUEST", mode: "STANDARD", contextAbove: 0, amount: "0.01", currency: "USD", locator: `${at}.pricing.web_search`, raw: "0.01" },
      { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0, amount: "0.1", currency: "USD", locator: `${at}.pricing.input_cache_read`, raw: "0.0000001" },
    ]);
  });

  it("maps :free variants and ~latest pointers to the model they serve", () => {
    const free = parsed.offerings.find((o) => o.providerModelId === "inclusionai/ring-2.6-1t:free")!;
    const latest = parsed.offerings.find((o) => o.providerModelId === "~openai/gpt-mini-latest")!;

    expect(free.modelRef).toBe("inclusionai/ring-2.6-1t");
    expect(latest.modelRef).toBe("openai/gpt-mini-latest");
  });

  it("reports the routers' variable -1 prices as issues instead of prices", () => {
    const auto = parsed.offerings.find((o) => o.providerModelId === "openrouter/auto")!;

    expect(auto.prices).toEqual([]);
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ code: "UNKNOWN_VALUE", message: "price prompt is variable (-1), not a fixed price" }),
    );
  });

  it("reports a negative, a non-numeric and an unknown price with their key paths and keeps the good ones", () => {
    const doc = JSON.stringify({
      data: [{ id: "acme/m1", pricing: { prompt: "-0.5", completion: "abc", image: "0.002", teleport: "1", request: 3 } }],
    });

    const result = parseOpenRouterModels(doc, "x.json");

    expect(result.issues).toEqual([
      { code: "NEGATIVE_PRICE", message: "price prompt is negative: -0.5", locator: "data[0].pricing.prompt" },
      { code: "INVALID_NUMBER", message: 'price completion is not a decimal number: "abc"', locator: "data[0].pricing.completion" },
      { code: "UNKNOWN_VALUE", message: 'unknown price key "teleport"', locator: "data[0].pricing.teleport" },
    ]);
    expect(result.offerings[0].prices.map((p) => [p.kind, p.unit, p.amount])).toEqual([
      ["INPUT_IMAGE", "PER_IMAGE", "0.002"],
      ["REQUEST", "PER_REQUEST", "3"],
    ]);
  });

  it("reads an image price equal to the prompt's per-token price as a price per image token (Gemini bills images as tokens), any other as per image, and reports the keys it has no place for", () => {
    const gemini = parsed.offerings.find((o) => o.providerModelId === "google/gemini-2.5-flash")!;
    expect(gemini.prices.filter((p) => p.kind === "INPUT_IMAGE").map((p) => [p.unit, p.amount, p.raw])).toEqual([["PER_1M_TOKENS", "0.3", "0.0000003"]]);

    const doc = JSON.stringify({
      data: [{ id: "acme/m1", pricing: { prompt: "0.000001", image: "0.005", image_output: "0.04", image_token: "0.00001", input_cache_write_1h: "0.000002", discount: 0 } }],
    });
    const result = parseOpenRouterModels(doc, "x.json");
    expect(result.offerings[0].prices.map((p) => [p.kind, p.unit, p.amount])).toEqual([
      ["INPUT", "PER_1M_TOKENS", "1"],
      ["INPUT_IMAGE", "PER_IMAGE", "0.005"],
      ["OUTPUT_IMAGE", "PER_IMAGE", "0.04"],
      ["INPUT_IMAGE", "PER_1M_TOKENS", "10"],
    ]);
    expect(result.issues.map((i) => [i.code, i.locator])).toEqual([
      ["NOT_STORED", "data[0].pricing.input_cache_write_1h"],
      ["NOT_STORED", "data[0].pricing.discount"],
    ]);
  });

  it("skips an entry without an id and flags a malformed limit and date", () => {
    const doc = JSON.stringify({ data: [{ name: "nameless" }, { id: "acme/m2", context_length: "lots", knowledge_cutoff: "last spring", pricing: {} }] });

    const result = parseOpenRouterModels(doc, "x.json");

    expect(result.models.map((m) => m.ref)).toEqual(["acme/m2"]);
    expect(result.issues).toEqual([
      { code: "SKIPPED_RECORD", message: "entry has no id", locator: "data[0].id" },
      { code: "INVALID_NUMBER", message: 'expected a positive whole number, got "lots"', locator: "data[1].context_length" },
      { code: "INVALID_DATE", message: 'expected an ISO date, got "last spring"', locator: "data[1].knowledge_cutoff" },
    ]);
  });

  it.each([
    ["", /not valid JSON/],
    ["{\"data\": [", /not valid JSON/],
    ["\u0000\u0001binary", /not valid JSON/],
    ["{\"models\": []}", /expected an object with a "data" array/],
    ["null", /expected an object with a "data" array/],
    ['{"data": [{"id": "acme/odd", "name": "Odd \\ud800"}]}', /not text: "Odd \\ud800" escapes a lone UTF-16 surrogate/],
    ['{"data": [{"id": "acme/odd", "\\udc00": 1}]}', /escapes a lone UTF-16 surrogate/],
  ])("refuses an unreadable document %j with a ParseError naming the file", (doc, reason) => {
    expect(() => parseOpenRouterModels(doc, "feeds/or.json")).toThrow(ParseError);
    expect(() => parseOpenRouterModels(doc, "feeds/or.json")).toThrow(reason);
    expect(() => parseOpenRouterModels(doc, "feeds/or.json")).toThrow(/^feeds\/or\.json: /);
  });
});
