import fs from "node:fs";
import path from "node:path";
import { parseModelsDevFile } from "../../src/ingest/models-dev/modelsDevFile.parser";
import { ParseError, type ParsedDocument } from "../../src/ingest/observation";

const root = path.join(__dirname, "../fixtures/models-dev");
const read = (relative: string) => fs.readFileSync(path.join(root, relative), "utf8");
/** Resolves base_model refs against the fixture tree's models/ folder, as the tree parser does. */
const baseOf = (ref: string) => {
  const file = path.join(root, "models", `${ref}.toml`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
};
const parseFixture = (relative: string) => parseModelsDevFile(read(relative), relative, baseOf);

/** A provider model file written inline, optionally over an inline base file. */
function parseInline(text: string, bases: Record<string, string> = {}, file = "providers/acme/models/m1.toml"): ParsedDocument {
  return parseModelsDevFile(text, file, (ref) => bases[ref]);
}

const usd = (kind: string, amount: string, locator: string, extra: Record<string, unknown> = {}) => ({
  kind,
  unit: "PER_1M_TOKENS",
  mode: "STANDARD",
  contextAbove: 0,
  amount,
  currency: "USD",
  locator,
  ...extra,
});

describe("the models.dev file parser", () => {
  describe("provider files", () => {
    it("reads providers/openai/provider.toml as the openai provider with its env, SDK package and docs", () => {
      const parsed = parseFixture("providers/openai/provider.toml");

      expect(parsed.format).toBe("models-dev");
      expect(parsed.origin).toBe("providers/openai/provider.toml");
      expect(parsed.providers).toEqual([
        {
          id: "openai",
          name: { value: "OpenAI", locator: "name" },
          apiKeyEnvVars: { value: ["OPENAI_API_KEY"], locator: "env" },
          sdkPackage: { value: "@ai-sdk/openai", locator: "npm" },
          docsUrl: { value: "https://platform.openai.com/docs/models", locator: "doc" },
        },
      ]);
      expect(parsed.models).toEqual([]);
      expect(parsed.offerings).toEqual([]);
      expect(parsed.issues).toEqual([]);
    });

    it("reads azure's two API key variables and github-copilot's base URL", () => {
      const azure = parseFixture("providers/azure/provider.toml").providers[0];
      const copilot = parseFixture("providers/github-copilot/provider.toml").providers[0];

      expect(azure.id).toBe("azure");
      expect(azure.name).toEqual({ value: "Azure", locator: "name" });
      expect(azure.apiKeyEnvVars).toEqual({ value: ["AZURE_RESOURCE_NAME", "AZURE_API_KEY"], locator: "env" });
      expect(azure.apiUrl).toBeUndefined();
      expect(copilot.apiUrl).toEqual({ value: "https://api.githubcopilot.com", locator: "api" });
    });

    it("reports a provider without a name and an unknown key, and still returns the provider", () => {
      const parsed = parseModelsDevFile('npm = "@ai-sdk/acme"\nlogo = "acme.svg"\n', "providers/acme/provider.toml");

      expect(parsed.providers).toEqual([{ id: "acme", sdkPackage: { value: "@ai-sdk/acme", locator: "npm" } }]);
      expect(parsed.issues).toEqual([
        { code: "UNKNOWN_VALUE", message: 'unknown key "logo"', locator: "logo" },
        { code: "MISSING_FIELD", message: "provider has no name", locator: "name" },
      ]);
    });
  });

  describe("model files under models/", () => {
    const parsed = parseFixture("models/openai/gpt-4.1-mini.toml");
    const model = parsed.models[0];

    it("reads models/openai/gpt-4.1-mini.toml as the model openai/gpt-4.1-mini by the author openai, with no offering", () => {
      expect(parsed.models).toHaveLength(1);
      expect(model.ref).toBe("openai/gpt-4.1-mini");
      expect(model.aliases).toEqual([]);
      expect(model.authorId).toEqual({ value: "openai", locator: "" });
      expect(parsed.authors).toEqual([{ id: "openai" }]);
      expect(parsed.offerings).toEqual([]);
      expect(parsed.providers).toEqual([]);
      expect(parsed.issues).toEqual([]);
    });

    it("states every model fact with its key path, limits included, and the month-precise knowledge cutoff", () => {
      expect(model.fields).toEqual({
        name: { value: "GPT-4.1 mini", locator: "name" },
        family: { value: "gpt-mini", locator: "family" },
        releaseDate: { value: "2025-04-14", locator: "release_date", precision: "day" },
        lastUpdated: { value: "2025-04-14", locator: "last_updated", precision: "day" },
        knowledgeCutoff: { value: "2024-04", locator: "knowledge", precision: "month" },
        openWeights: { value: false, locator: "open_weights" },
        inputModalities: { value: ["image", "pdf", "text"], locator: "modalities.input" },
        outputModalities: { value: ["text"], locator: "modalities.output" },
        contextWindow: { value: 1047576, locator: "limit.context", raw: "1_047_576" },
        maxOutputTokens: { value: 32768, locator: "limit.output", raw: "32_768" },
      });
    });

    it("turns the feature flags into capabilities and an image input into vision", () => {
      expect(model.capabilities).toEqual({
        tool_calls: { value: "SUPPORTED", locator: "tool_call", raw: "true" },
        structured_outputs: { value: "SUPPORTED", locator: "structured_output", raw: "true" },
        reasoning: { value: "NOT_SUPPORTED", locator: "reasoning", raw: "false" },
        attachments: { value: "SUPPORTED", locator: "attachment", raw: "true" },
        temperature: { value: "SUPPORTED", locator: "temperature", raw: "true" },
        vision: { value: "SUPPORTED", locator: "modalities.input[1]", raw: "image" },
      });
    });

    it("reads the benchmarks with exact scores, and keeps harness, variant and version in the metric", () => {
      expect(model.benchmarks).toEqual([
        {
          name: "Aider Polyglot",
          score: "32.4",
          metric: "percent correct",
          url: "https://aider.chat/docs/leaderboards/",
          date: "2025-04-14",
          locator: "benchmarks[0]",
        },
      ]);
      const opus = parseFixture("models/anthropic/claude-opus-4-7.toml").models[0];
      expect(opus.benchmarks?.[1]).toEqual({
        name: "Terminal-Bench",
        score: "66.1",
        metric: "success rate; harness: Terminus-2; version: 2.1",
        url: "https://www.anthropic.com/news/claude-opus-4-8",
        date: "2026-05-28",
        locator: "benchmarks[1]",
      });
      expect(opus.benchmarks?.find((b) => b.locator === "benchmarks[5]")?.metric).toBe("pass@1; harness: Claude Code; variant: max; dataset: hard-aa");
    });

    it("takes a model id with a slash from the sub-folders", () => {
      const parsed = parseModelsDevFile('name = "Llama"\n', "models/meta/llama/llama-4.toml");

      expect(parsed.models[0].ref).toBe("meta/llama/llama-4");
      expect(parsed.authors).toEqual([{ id: "meta" }]);
    });
  });

  describe("a provider's own model files", () => {
    const parsed = parseFixture("providers/openai/models/gpt-4.1-mini.toml");
    const [model] = parsed.models;
    const [offering] = parsed.offerings;

    it("reads providers/openai/models/gpt-4.1-mini.toml as the model gpt-4.1-mini and openai's offering of it", () => {
      expect(model.ref).toBe("gpt-4.1-mini");
      expect(model.aliases).toEqual([]);
      expect(model.authorId).toBeUndefined();
      expect(parsed.authors).toEqual([]);
      expect(offering.providerId).toBe("openai");
      expect(offering.providerModelId).toBe("gpt-4.1-mini");
      expect(offering.modelRef).toBe("gpt-4.1-mini");
      expect(parsed.links).toEqual([{ target: "providers/openai/provider.toml", locator: "" }]);
      expect(parsed.issues).toEqual([]);
    });

    it("keeps the model facts on the model and the limits on the offering only", () => {
      expect(model.fields).toEqual({
        name: { value: "GPT-4.1 mini", locator: "name" },
        family: { value: "gpt-mini", locator: "family" },
        releaseDate: { value: "2025-04-14", locator: "release_date", precision: "day" },
        lastUpdated: { value: "2025-04-14", locator: "last_updated", precision: "day" },
        knowledgeCutoff: { value: "2024-04", locator: "knowledge", precision: "month" },
        openWeights: { value: false, locator: "open_weights" },
        inputModalities: { value: ["image", "pdf", "text"], locator: "modalities.input" },
        outputModalities: { value: ["text"], locator: "modalities.output" },
      });
      expect(Object.keys(model.capabilities).sort()).toEqual(["attachments", "reasoning", "structured_outputs", "temperature", "tool_calls", "vision"]);
      expect(offering.fields).toEqual({
        name: { value: "GPT-4.1 mini", locator: "name" },
        contextWindow: { value: 1047576, locator: "limit.context" },
        maxOutputTokens: { value: 32768, locator: "limit.output" },
      });
    });

    it("prices input, output and cached input per 1M tokens as exact decimals, with the literal when it differs", () => {
      expect(offering.prices).toEqual([
        usd("INPUT", "0.4", "cost.input", { raw: "0.40" }),
        usd("OUTPUT", "1.6", "cost.output", { raw: "1.60" }),
        usd("CACHED_INPUT", "0.1", "cost.cache_read", { raw: "0.10" }),
      ]);
    });

    it("reads the provider's reasoning-effort option as a capability of the offering", () => {
      const perplexity = parseFixture("providers/perplexity/models/sonar-deep-research.toml").offerings[0];

      expect(perplexity.capabilities).toEqual({
        reasoning_effort: { value: "SUPPORTED", locator: "reasoning_options[0]", raw: "minimal, low, medium, high" },
      });
    });

    it("reads a status and an interleaved-reasoning field", () => {
      const parsed = parseInline('name = "M1"\nstatus = "beta"\n[interleaved]\nfield = "reasoning_content"\n');

      expect(parsed.models[0].fields.status).toEqual({ value: "PREVIEW", locator: "status", raw: "beta" });
      expect(parsed.offerings[0].fields.status).toEqual({ value: "PREVIEW", locator: "status", raw: "beta" });
      expect(parsed.models[0].capabilities.interleaved_reasoning).toEqual({ value: "SUPPORTED", locator: "interleaved.field", raw: "reasoning_content" });
      expect(parseInline('name = "M1"\nstatus = "deprecated"\n').offerings[0].fields.status?.value).toBe("DEPRECATED");
    });
  });

  describe("base_model inheritance", () => {
    const parsed = parseFixture("providers/amazon-bedrock/models/openai.gpt-5.4.toml");
    const [model] = parsed.models;
    const [offering] = parsed.offerings;
    const base = "models/openai/gpt-5.4.toml";

    it("names the base model as the ref, the provider's id as an alias, and links the base file", () => {
      expect(model.ref).toBe("openai/gpt-5.4");
      expect(model.aliases).toEqual(["openai.gpt-5.4"]);
      expect(model.authorId).toEqual({ value: "openai", locator: "base_model", raw: "openai/gpt-5.4" });
      expect(parsed.authors).toEqual([{ id: "openai" }]);
      expect(offering.providerId).toBe("amazon-bedrock");
      expect(offering.providerModelId).toBe("openai.gpt-5.4");
      expect(offering.modelRef).toBe("openai/gpt-5.4");
      expect(parsed.links).toEqual([
        { target: base, locator: "base_model" },
        { target: "providers/amazon-bedrock/provider.toml", locator: "" },
      ]);
      // Its [provider] table (an SDK override) has no place in the catalog: reported, not dropped silently.
      expect(parsed.issues).toEqual([
        { code: "NOT_STORED", message: "provider not stored: a model's own SDK package and API URL at its provider have no field in the catalog", locator: "provider" },
      ]);
    });

    it("states inherited values with the base file's path and the file's own values with their key path", () => {
      expect(model.fields.name).toEqual({ value: "GPT-5.4", locator: `${base}#name` });
      expect(model.fields.knowledgeCutoff).toEqual({ value: "2025-08-31", locator: `${base}#knowledge`, precision: "day" });
      expect(model.fields.lastUpdated).toEqual({ value: "2026-06-01", locator: "last_updated", precision: "day" });
      expect(model.capabilities.temperature).toEqual({ value: "NOT_SUPPORTED", locator: `${base}#temperature`, raw: "false" });
      expect(model.fields.contextWindow).toBeUndefined();
      expect(model.benchmarks).toBeUndefined();
    });

    it("lets the file's own [limit] win key by key and drops the omitted limit.input", () => {
      expect(offering.fields).toEqual({
        name: { value: "GPT-5.4", locator: `${base}#name` },
        contextWindow: { value: 272000, locator: "limit.context", raw: "272_000" },
        maxOutputTokens: { value: 128000, locator: "limit.output", raw: "128_000" },
      });
    });

    it("prices 2.75 exactly and keeps only the file's own prices", () => {
      expect(offering.prices).toEqual([
        usd("INPUT", "2.75", "cost.input"),
        usd("OUTPUT", "16.5", "cost.output", { raw: "16.50" }),
        usd("CACHED_INPUT", "0.275", "cost.cache_read"),
      ]);
    });

    it("drops an omitted capability and inherits the base's limits and untouched modalities (azure gpt-4.1-mini)", () => {
      const azure = parseFixture("providers/azure/models/gpt-4.1-mini.toml");
      const baseFile = "models/openai/gpt-4.1-mini.toml";

      expect(azure.models[0].ref).toBe("openai/gpt-4.1-mini");
      expect(azure.models[0].aliases).toEqual(["gpt-4.1-mini"]);
      expect(azure.models[0].capabilities.structured_outputs).toBeUndefined();
      expect(azure.models[0].capabilities.tool_calls).toEqual({ value: "SUPPORTED", locator: `${baseFile}#tool_call`, raw: "true" });
      expect(azure.models[0].fields.inputModalities).toEqual({ value: ["image", "text"], locator: "modalities.input" });
      expect(azure.models[0].fields.outputModalities).toEqual({ value: ["text"], locator: `${baseFile}#modalities.output` });
      expect(azure.offerings[0].fields.contextWindow).toEqual({ value: 1047576, locator: `${baseFile}#limit.context`, raw: "1_047_576" });
      expect(azure.offerings[0].prices.map((p) => [p.kind, p.amount])).toEqual([
        ["INPUT", "0.4"],
        ["OUTPUT", "1.6"],
        ["CACHED_INPUT", "0.1"],
      ]);
    });

    it("gives no alias when the provider's id is the base ref itself", () => {
      const openrouter = parseFixture("providers/openrouter/models/openai/gpt-4.1-mini.toml");

      expect(openrouter.models[0].ref).toBe("openai/gpt-4.1-mini");
      expect(openrouter.models[0].aliases).toEqual([]);
      expect(openrouter.offerings[0].providerModelId).toBe("openai/gpt-4.1-mini");
    });

    it("deep-merges tables, replaces arrays, and omits only inherited values", () => {
      const baseText = '[limit]\ncontext = 100\ninput = 80\noutput = 10\n[modalities]\ninput = ["text", "image"]\noutput = ["text"]\n';
      const parsed = parseInline(
        'base_model = "acme/big"\nbase_model_omit = ["limit.input", "limit.output", "modalities.output"]\n[limit]\noutput = 20\n[modalities]\ninput = ["text"]\n',
        { "acme/big": baseText },
      );

      expect(parsed.offerings[0].fields).toEqual({
        contextWindow: { value: 100, locator: "models/acme/big.toml#limit.context" },
        maxOutputTokens: { value: 20, locator: "limit.output" },
      });
      expect(parsed.models[0].fields.inputModalities).toEqual({ value: ["text"], locator: "modalities.input" });
      expect(parsed.models[0].fields.outputModalities).toBeUndefined();
    });

    it("reads a zero limit as no limit, even over a base's value (openai gpt-image-1)", () => {
      const image = parseFixture("providers/openai/models/gpt-image-1.toml");

      expect(image.offerings[0].fields).toEqual({ name: { value: "gpt-image-1", locator: "name" } });
      expect(image.models[0].fields.outputModalities?.value).toEqual(["image"]);
      expect(image.issues).toEqual([]);
    });
  });

  describe("price tiers and modes", () => {
    it("prices [[cost.tiers]] past their context size, with or without a tier type", () => {
      const openai = parseFixture("providers/openai/models/gpt-5.4.toml").offerings[0];
      const copilot = parseFixture("providers/github-copilot/models/gpt-5.4.toml").offerings[0];

      expect(openai.prices.filter((p) => p.contextAbove > 0)).toEqual([
        usd("INPUT", "5", "cost.tiers[0].input", { contextAbove: 272000, raw: "5.00" }),
        usd("OUTPUT", "22.5", "cost.tiers[0].output", { contextAbove: 272000, raw: "22.50" }),
        usd("CACHED_INPUT", "0.5", "cost.tiers[0].cache_read", { contextAbove: 272000, raw: "0.50" }),
      ]);
      expect(copilot.prices.filter((p) => p.contextAbove > 0)).toEqual([
        usd("INPUT", "5", "cost.tiers[0].input", { contextAbove: 272000 }),
        usd("OUTPUT", "22.5", "cost.tiers[0].output", { contextAbove: 272000 }),
        usd("CACHED_INPUT", "0.5", "cost.tiers[0].cache_read", { contextAbove: 272000 }),
      ]);
      expect(copilot.fields.contextWindow).toEqual({ value: 400000, locator: "limit.context", raw: "400_000" });
      expect(copilot.fields.maxInputTokens).toEqual({ value: 272000, locator: "limit.input", raw: "272_000" });
      expect(copilot.fields.maxOutputTokens).toEqual({ value: 128000, locator: "models/openai/gpt-5.4.toml#limit.output", raw: "128_000" });
    });

    it("prices [experimental.modes.fast] as the FAST mode, from a table or an inline table", () => {
      const openai = parseFixture("providers/openai/models/gpt-5.4.toml").offerings[0];
      const copilot = parseFixture("providers/github-copilot/models/claude-opus-4.7.toml").offerings[0];
      const fast = (locator: string, kind: string, amount: string, raw?: string) => ({
        ...usd(kind, amount, `experimental.modes.fast.cost.${locator}`, raw ? { raw } : {}),
        mode: "FAST",
      });

      expect(openai.prices.filter((p) => p.mode === "FAST")).toEqual([
        fast("input", "INPUT", "5", "5.00"),
        fast("output", "OUTPUT", "30", "30.00"),
        fast("cache_read", "CACHED_INPUT", "0.5", "0.50"),
      ]);
      expect(copilot.prices).toEqual([
        usd("INPUT", "5", "cost.input"),
        usd("OUTPUT", "25", "cost.output"),
        usd("CACHED_INPUT", "0.5", "cost.cache_read"),
        usd("CACHE_WRITE", "6.25", "cost.cache_write"),
        fast("input", "INPUT", "30"),
        fast("output", "OUTPUT", "150"),
        fast("cache_read", "CACHED_INPUT", "3"),
        fast("cache_write", "CACHE_WRITE", "37.5"),
      ]);
    });

    it("prices the older cost.context_over_200k table past 200,000 tokens", () => {
      const parsed = parseInline('name = "M1"\n[cost]\ninput = 3\noutput = 15\n[cost.context_over_200k]\ninput = 6\noutput = 22.5\n');

      expect(parsed.offerings[0].prices).toEqual([
        usd("INPUT", "3", "cost.input"),
        usd("OUTPUT", "15", "cost.output"),
        usd("INPUT", "6", "cost.context_over_200k.input", { contextAbove: 200000 }),
        usd("OUTPUT", "22.5", "cost.context_over_200k.output", { contextAbove: 200000 }),
      ]);
    });

    it("maps the cache keys some files spell their own way, prices Perplexity's request fee per 1,000 requests, and reports its citation price as not stored", () => {
      const synonyms = parseInline('name = "M1"\n[cost]\ninput = 0.3\ncached_input = 0.03\ncache_input = 0.04\ncached_write = 0.375\n');
      const perplexity = parseFixture("providers/perplexity/models/sonar-deep-research.toml");

      expect(synonyms.offerings[0].prices.map((p) => [p.kind, p.amount, p.locator])).toEqual([
        ["INPUT", "0.3", "cost.input"],
        ["CACHED_INPUT", "0.03", "cost.cached_input"],
        ["CACHED_INPUT", "0.04", "cost.cache_input"],
        ["CACHE_WRITE", "0.375", "cost.cached_write"],
      ]);
      expect(perplexity.offerings[0].prices.map((p) => [p.kind, p.unit, p.amount, p.raw])).toEqual([
        ["INPUT", "PER_1M_TOKENS", "2", "2.0"],
        ["OUTPUT", "PER_1M_TOKENS", "8", "8.0"],
        ["REQUEST", "PER_1K_REQUESTS", "5", "5.0"],
        ["REASONING", "PER_1M_TOKENS", "3", "3.0"],
      ]);
      expect(perplexity.issues).toEqual([
        { code: "NOT_STORED", message: "price citation not stored: Perplexity's price of citation tokens has no price kind in the catalog", locator: "cost.citation" },
      ]);
    });

    it("reports a tier of unknown type and a tier without a size, and skips their prices", () => {
      const parsed = parseInline(
        'name = "M1"\n[cost]\ninput = 1\n[[cost.tiers]]\ntier = { type = "time", size = 5 }\ninput = 2\n[[cost.tiers]]\ntier = { type = "context" }\ninput = 3\n',
      );

      expect(parsed.offerings[0].prices.map((p) => p.locator)).toEqual(["cost.input"]);
      expect(parsed.issues).toEqual([
        { code: "UNKNOWN_VALUE", message: 'unknown price tier type "time"; its prices are skipped', locator: "cost.tiers[0].tier.type" },
        { code: "INVALID_NUMBER", message: "price tier size is not a positive whole number: undefined", locator: "cost.tiers[1].tier.size" },
      ]);
    });
  });

  describe("exact decimals", () => {
    it.each([
      ["0.3", "0.3", undefined],
      ["0.30000000000000004", "0.30000000000000004", undefined],
      ["2.75", "2.75", undefined],
      ["0.40", "0.4", "0.40"],
      ["1e-7", "0.0000001", "1e-7"],
      ["1_000", "1000", "1_000"],
      ["0.123456789012345678901", "0.123456789012345678901", undefined],
    ])("prices a literal %s as exactly %s", (literal, amount, raw) => {
      const parsed = parseInline(`name = "M1"\n[cost]\ninput = ${literal}\n`);

      expect(parsed.offerings[0].prices).toEqual([usd("INPUT", amount, "cost.input", raw ? { raw } : {})]);
    });

    it("keeps the float artefacts a file wrote out as written (helicone gpt-4.1-mini)", () => {
      const helicone = parseFixture("providers/helicone/models/gpt-4.1-mini.toml");

      expect(helicone.offerings[0].prices.map((p) => p.amount)).toEqual(["0.39999999999999997", "1.5999999999999999", "0.09999999999999999"]);
    });
  });

  describe("bad values", () => {
    it("reports a negative, a non-numeric and an infinite price with their key paths and keeps the good ones", () => {
      const parsed = parseInline('name = "M1"\n[cost]\ninput = -0.5\noutput = "abc"\ncache_read = inf\ncache_write = "1.25"\nreasoning = 0\n');

      expect(parsed.issues).toEqual([
        { code: "NEGATIVE_PRICE", message: "price input is negative: -0.5", locator: "cost.input" },
        { code: "INVALID_NUMBER", message: 'price output is not a number: "abc"', locator: "cost.output" },
        { code: "INVALID_NUMBER", message: "price cache_read is not a number: inf", locator: "cost.cache_read" },
      ]);
      expect(parsed.offerings[0].prices).toEqual([
        usd("CACHE_WRITE", "1.25", "cost.cache_write", { raw: '"1.25"' }),
        usd("REASONING", "0", "cost.reasoning"),
      ]);
    });

    it("reports an impossible date, an unknown status, a bad limit and an unknown key, and keeps the rest", () => {
      const parsed = parseInline(
        'name = "M1"\nknowledge = "2025-02-31"\nrelease_date = "2025-13"\nstatus = "sunset"\nvibes = true\n[limit]\ncontext = -5\noutput = 1.5\n',
      );

      expect(parsed.issues).toEqual([
        { code: "UNKNOWN_VALUE", message: 'unknown key "vibes"', locator: "vibes" },
        { code: "INVALID_DATE", message: 'expected a date as "YYYY-MM" or "YYYY-MM-DD", got "2025-13"', locator: "release_date" },
        { code: "INVALID_DATE", message: 'expected a date as "YYYY-MM" or "YYYY-MM-DD", got "2025-02-31"', locator: "knowledge" },
        { code: "UNKNOWN_VALUE", message: 'unknown status "sunset"', locator: "status" },
        { code: "INVALID_NUMBER", message: "expected a positive whole number of tokens, got -5", locator: "limit.context" },
        { code: "INVALID_NUMBER", message: "expected a positive whole number of tokens, got 1.5", locator: "limit.output" },
      ]);
      expect(parsed.models[0].fields).toEqual({ name: { value: "M1", locator: "name" } });
    });

    it("reads a TOML date value as its day", () => {
      const parsed = parseInline('name = "M1"\nrelease_date = 2025-04-14\n');

      expect(parsed.models[0].fields.releaseDate).toEqual({ value: "2025-04-14", locator: "release_date", precision: "day" });
    });

    it("reports a provider model with neither a name nor a base_model, and still returns it", () => {
      const parsed = parseInline("[cost]\ninput = 1\n");

      expect(parsed.models[0].ref).toBe("m1");
      expect(parsed.offerings[0].prices).toHaveLength(1);
      expect(parsed.issues).toEqual([{ code: "MISSING_FIELD", message: "model has no name", locator: "name" }]);
    });
  });

  describe("unreadable documents", () => {
    const file = "providers/acme/models/m1.toml";
    const refusal = (text: string, at = file, bases: Record<string, string> = {}): ParseError => {
      try {
        parseInline(text, bases, at);
      } catch (error) {
        if (error instanceof ParseError) return error;
        throw error;
      }
      throw new Error("expected a ParseError");
    };

    it.each([
      ["an empty file", "", "empty document"],
      ["a whitespace-only file", "  \n\t\n", "empty document"],
      ["a binary file", "\u0000\u0001\u0002PNG", "binary content, not TOML"],
    ])("refuses %s with a ParseError naming the file", (_, text, reason) => {
      const error = refusal(text);

      expect(error.origin).toBe(file);
      expect(error.message).toBe(`${file}: ${reason}`);
      expect(error.line).toBeUndefined();
    });

    it("refuses a TOML syntax error with the line the library reports", () => {
      const error = refusal('name = "M1"\n\n[cost]\ninput = 0.4.5\n');

      expect(error.line).toBe(4);
      expect(error.message).toBe(`${file}:4: TOML syntax error: illegal character in numeric literal`);
    });

    it.each(["providers/openai/logo.svg", "models/gpt-4.toml", "README.md", "providers/openai/models/"])(
      "refuses the path %s, which holds no models.dev data file",
      (at) => {
        expect(refusal('name = "x"\n', at).message).toMatch(new RegExp(`^${at.replace(/\./g, "\\.")}: not a models.dev data file`));
      },
    );

    it("refuses a dangling base_model with the line of the key", () => {
      const error = refusal('# a provider copy\nbase_model = "openai/gpt-9"\n[cost]\ninput = 1\n');

      expect(error.message).toBe(`${file}:2: base_model "openai/gpt-9" not found`);
      expect(error.line).toBe(2);
      expect(() => parseModelsDevFile('base_model = "openai/gpt-9"\n', file)).toThrow('base_model "openai/gpt-9" not found');
    });

    it("refuses a malformed base_model and an unreadable base file", () => {
      expect(refusal("base_model = 5\n").message).toBe(`${file}:1: base_model must be "<author>/<model>", got 5`);
      expect(refusal('base_model = "gpt-5"\n').message).toBe(`${file}:1: base_model must be "<author>/<model>", got "gpt-5"`);
      expect(refusal('base_model = "acme/big"\n', file, { "acme/big": "name = \n" }).message).toMatch(
        /^providers\/acme\/models\/m1\.toml:1: base_model "acme\/big" cannot be read: models\/acme\/big\.toml:1: TOML syntax error/,
      );
    });
  });
});
