import { compareModels, type ComparedModel, type ComparisonRow } from "../../../src/catalog/compare/modelComparison";
import type { ModelView, OfferingView } from "../../../src/catalog/views";
import { price } from "../cost/priceFixtures";
import { modelView, offeringView } from "../viewFixtures";

/** A model that states no modalities unless a test gives them. */
const model = (id: string, extra: Partial<ModelView> = {}): ModelView =>
  modelView(id, { inputModalities: [], outputModalities: [], updatedAt: new Date("2025-06-01T00:00:00Z"), ...extra });

const offering = (providerId: string, modelId: string): OfferingView => offeringView(providerId, modelId, { id: `${providerId}/${modelId}` });

/** gpt-4.1-mini at OpenAI and Azure (Azure's input a little cheaper here), with a month-precise cutoff. */
function gpt41Mini(): ComparedModel {
  const openai = offering("openai", "gpt-4.1-mini");
  const azure = offering("azure", "gpt-4.1-mini");
  return {
    model: model("gpt-4.1-mini", {
      authorId: "openai",
      family: "gpt-4.1",
      openWeights: false,
      license: "proprietary",
      contextWindow: 1_047_576,
      maxOutputTokens: 32_768,
      inputModalities: ["text", "image"],
      outputModalities: ["text"],
      releaseDate: "2025-04-14",
      releaseDatePrecision: "DAY",
      knowledgeCutoff: "2024-06-01",
      knowledgeCutoffPrecision: "MONTH",
    }),
    authorName: "OpenAI",
    capabilities: [
      { key: "tool_calls", level: "SUPPORTED" },
      { key: "reasoning", level: "NOT_SUPPORTED" },
    ],
    offerings: [openai, azure],
    prices: [
      price(openai.id, "INPUT", "0.40"),
      price(openai.id, "OUTPUT", "1.6"),
      price(openai.id, "CACHED_INPUT", "0.1"),
      price(azure.id, "INPUT", "0.38"),
      price(azure.id, "OUTPUT", "1.6"),
      price(openai.id, "INPUT", "0.2", { mode: "BATCH" }),
      price(openai.id, "WEB_SEARCH", "25", { unit: "PER_1K_REQUESTS" }),
    ],
  };
}

/** A reasoning model with a long-context tier and no stated context window. */
function gpt54(): ComparedModel {
  const openai = offering("openai", "gpt-5.4");
  return {
    model: model("gpt-5.4", {
      authorId: "openai",
      family: "gpt-5",
      openWeights: false,
      maxOutputTokens: 128_000,
      inputModalities: ["image", "text"],
      outputModalities: ["text"],
      releaseDate: "2026-03-01",
      releaseDatePrecision: "MONTH",
      knowledgeCutoff: "2025-08-01",
      knowledgeCutoffPrecision: "MONTH",
    }),
    authorName: "OpenAI",
    capabilities: [
      { key: "tool_calls", level: "CORE" },
      { key: "reasoning", level: "SUPPORTED" },
    ],
    offerings: [openai],
    prices: [
      price(openai.id, "INPUT", "2.5"),
      price(openai.id, "OUTPUT", "15"),
      price(openai.id, "CACHED_INPUT", "0.25"),
      price(openai.id, "INPUT", "5", { contextAbove: 272_000 }),
      price(openai.id, "WEB_SEARCH", "10", { unit: "PER_1K_REQUESTS" }),
    ],
  };
}

/** An open-weights model served by one host, with a day-precise cutoff and no capability list. */
function llama(): ComparedModel {
  const groq = offering("groq", "llama-4-scout");
  return {
    model: model("llama-4-scout", {
      authorId: "meta",
      family: "llama-4",
      openWeights: true,
      license: "llama4",
      contextWindow: 1_047_576,
      maxOutputTokens: 8192,
      inputModalities: ["text", "image"],
      outputModalities: ["text"],
      releaseDate: "2025-04-05",
      releaseDatePrecision: "DAY",
      knowledgeCutoff: "2024-08-01",
      knowledgeCutoffPrecision: "MONTH",
    }),
    authorName: null,
    capabilities: [{ key: "tool_calls", level: "SUPPORTED" }],
    offerings: [groq],
    prices: [price(groq.id, "INPUT", "0.11"), price(groq.id, "OUTPUT", "0.34"), price(groq.id, "INPUT_IMAGE", "0.0004", { unit: "PER_IMAGE" })],
  };
}

const rows = compareModels([gpt41Mini(), gpt54(), llama()]);

function row(key: string, of: ComparisonRow[] = rows): ComparisonRow {
  const found = of.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}; rows are ${of.map((r) => r.key).join(", ")}`);
  return found;
}
const values = (key: string, of?: ComparisonRow[]) => row(key, of).cells.map((c) => c.value);
const best = (key: string, of?: ComparisonRow[]) => row(key, of).cells.filter((c) => c.best).map((c) => c.modelId);

describe("compareModels: layout", () => {
  it("lists the rows group by group, prices by kind, capabilities by key", () => {
    expect(rows.map((r) => r.key)).toEqual([
      "author",
      "family",
      "status",
      "openWeights",
      "license",
      "contextWindow",
      "maxInputTokens",
      "maxOutputTokens",
      "price.INPUT",
      "price.OUTPUT",
      "price.CACHED_INPUT",
      "price.INPUT_IMAGE.PER_IMAGE",
      "price.WEB_SEARCH.PER_1K_REQUESTS",
      "capability.reasoning",
      "capability.tool_calls",
      "inputModalities",
      "outputModalities",
      "releaseDate",
      "knowledgeCutoff",
      "lastUpdated",
    ]);
  });

  it("gives one cell per model, in the order the models were given", () => {
    for (const r of rows) expect(r.cells.map((c) => c.modelId)).toEqual(["gpt-4.1-mini", "gpt-5.4", "llama-4-scout"]);
  });

  it("compares nothing when given no models", () => {
    expect(compareModels([])).toEqual([]);
  });
});

describe("compareModels: facts and limits", () => {
  it("shows the author's name, falling back to its id, and open weights as yes or no", () => {
    expect(values("author")).toEqual(["OpenAI", "OpenAI", "meta"]);
    expect(values("openWeights")).toEqual(["no", "no", "yes"]);
    expect(row("openWeights")).toMatchObject({ group: "facts", better: "NONE", differs: true });
    expect(best("openWeights")).toEqual([]);
  });

  it("leaves a missing license unknown, never empty or 'no'", () => {
    expect(row("license").cells[1]).toEqual({ modelId: "gpt-5.4", value: null, known: false, best: false });
    expect(row("license").differs).toBe(true);
  });

  it("leaves gpt-5.4's unstated context window unknown and not best; the row differs; the two equal known values are not best", () => {
    const contextWindow = row("contextWindow");
    expect(contextWindow).toMatchObject({ label: "Context window", group: "limits", unit: "tokens", better: "HIGHER", differs: true });
    expect(contextWindow.cells).toEqual([
      { modelId: "gpt-4.1-mini", value: "1047576", known: true, best: false },
      { modelId: "gpt-5.4", value: null, known: false, best: false },
      { modelId: "llama-4-scout", value: "1047576", known: true, best: false },
    ]);
  });

  it("marks the highest output limit best", () => {
    expect(values("maxOutputTokens")).toEqual(["32768", "128000", "8192"]);
    expect(best("maxOutputTokens")).toEqual(["gpt-5.4"]);
  });

  it("shows a row nobody states as unknown everywhere, and not differing", () => {
    expect(row("maxInputTokens")).toMatchObject({ differs: false });
    expect(row("maxInputTokens").cells.every((c) => !c.known && c.value === null && !c.best)).toBe(true);
  });
});

describe("compareModels: prices", () => {
  it("shows the cheapest STANDARD base-tier input price across a model's offerings, with where it is offered", () => {
    const input = row("price.INPUT");
    expect(input).toMatchObject({ label: "Input price", group: "prices", unit: "USD per 1M tokens", better: "LOWER", differs: true });
    expect(input.cells).toEqual([
      { modelId: "gpt-4.1-mini", value: "0.38", known: true, best: false, providerId: "azure", offeringId: "azure/gpt-4.1-mini" },
      { modelId: "gpt-5.4", value: "2.5", known: true, best: false, providerId: "openai", offeringId: "openai/gpt-5.4" },
      { modelId: "llama-4-scout", value: "0.11", known: true, best: true, providerId: "groq", offeringId: "groq/llama-4-scout" },
    ]);
  });

  it("normalizes amounts to exact decimals and takes the first provider alphabetically when offerings tie", () => {
    const output = row("price.OUTPUT");
    expect(output.cells[0]).toMatchObject({ value: "1.6", providerId: "azure" });
    const onlyOpenAi = compareModels([{ ...gpt41Mini(), offerings: [gpt41Mini().offerings[0]] }, gpt54()]);
    expect(row("price.INPUT", onlyOpenAi).cells[0]).toMatchObject({ value: "0.4", providerId: "openai", offeringId: "openai/gpt-4.1-mini" });
  });

  it("leaves a model without such a price unknown, and one known price is never best", () => {
    const cached = row("price.CACHED_INPUT");
    expect(values("price.CACHED_INPUT")).toEqual(["0.1", "0.25", null]);
    expect(best("price.CACHED_INPUT")).toEqual(["gpt-4.1-mini"]);
    expect(cached.cells[2]).toEqual({ modelId: "llama-4-scout", value: null, known: false, best: false, providerId: null, offeringId: null });
    expect(row("price.INPUT_IMAGE.PER_IMAGE")).toMatchObject({ label: "Input image price per image", unit: "USD per image", differs: true });
    expect(values("price.INPUT_IMAGE.PER_IMAGE")).toEqual([null, null, "0.0004"]);
    expect(best("price.INPUT_IMAGE.PER_IMAGE")).toEqual([]);
  });

  it("gives per-request kinds a row of their own with their unit", () => {
    expect(row("price.WEB_SEARCH.PER_1K_REQUESTS")).toMatchObject({ label: "Web search price per 1K requests", unit: "USD per 1K requests" });
    expect(values("price.WEB_SEARCH.PER_1K_REQUESTS")).toEqual(["25", "10", null]);
    expect(best("price.WEB_SEARCH.PER_1K_REQUESTS")).toEqual(["gpt-5.4"]);
  });

  it("marks no price best when the models price in different currencies, and names the odd currency", () => {
    const mistral = offering("mistral", "mistral-small");
    const euroModel: ComparedModel = {
      model: model("mistral-small"),
      capabilities: [],
      offerings: [mistral],
      prices: [price(mistral.id, "INPUT", "0.1", { currency: "EUR" })],
    };
    const mixed = compareModels([gpt41Mini(), euroModel, gpt54()]);
    expect(row("price.INPUT", mixed).unit).toBe("USD per 1M tokens");
    expect(values("price.INPUT", mixed)).toEqual(["0.38", "0.1 EUR", "2.5"]);
    expect(best("price.INPUT", mixed)).toEqual([]);
  });

  it("makes equal cheapest prices all best, compared as exact decimals (1.6 equals 1.60)", () => {
    const gpt54AtOutput = (amount: string): ComparedModel => ({ ...gpt54(), prices: [price("openai/gpt-5.4", "OUTPUT", amount)] });
    const tiedCheapest = compareModels([gpt41Mini(), gpt54AtOutput("1.60"), { ...llama(), prices: [price("groq/llama-4-scout", "OUTPUT", "15")] }]);
    expect(values("price.OUTPUT", tiedCheapest)).toEqual(["1.6", "1.6", "15"]);
    expect(best("price.OUTPUT", tiedCheapest)).toEqual(["gpt-4.1-mini", "gpt-5.4"]);
  });

  it("marks no price best when every known price is the same", () => {
    const same = compareModels([gpt41Mini(), { ...gpt54(), prices: [price("openai/gpt-5.4", "OUTPUT", "1.60")] }]);
    expect(row("price.OUTPUT", same)).toMatchObject({ differs: false });
    expect(best("price.OUTPUT", same)).toEqual([]);
  });
});

describe("compareModels: capabilities and modalities", () => {
  it("shows SUPPORTED and CORE as yes, NOT_SUPPORTED as no, and no value as unknown, with yes best", () => {
    expect(row("capability.reasoning")).toMatchObject({ label: "Reasoning", group: "capabilities", better: "HIGHER", differs: true });
    expect(values("capability.reasoning")).toEqual(["no", "yes", null]);
    expect(best("capability.reasoning")).toEqual(["gpt-5.4"]);
  });

  it("marks nothing best when every model says yes", () => {
    expect(row("capability.tool_calls")).toMatchObject({ label: "Tool calls", differs: false });
    expect(values("capability.tool_calls")).toEqual(["yes", "yes", "yes"]);
    expect(best("capability.tool_calls")).toEqual([]);
  });

  it("marks every yes best when one model says no", () => {
    const models = [gpt41Mini(), gpt54(), { ...llama(), capabilities: [{ key: "tool_calls", level: "NOT_SUPPORTED" as const }] }];
    expect(best("capability.tool_calls", compareModels(models))).toEqual(["gpt-4.1-mini", "gpt-5.4"]);
  });

  it("lists modalities sorted, so the same set in another order does not differ", () => {
    expect(values("inputModalities")).toEqual(["image, text", "image, text", "image, text"]);
    expect(row("inputModalities")).toMatchObject({ better: "NONE", differs: false });
  });
});

describe("compareModels: dates", () => {
  it("shows month-precise dates as months and day-precise ones as days, the latest best", () => {
    expect(values("releaseDate")).toEqual(["2025-04-14", "2026-03", "2025-04-05"]);
    expect(best("releaseDate")).toEqual(["gpt-5.4"]);
    expect(values("knowledgeCutoff")).toEqual(["2024-06", "2025-08", "2024-08"]);
    expect(row("knowledgeCutoff")).toMatchObject({ better: "LATER", differs: true });
  });

  it("makes equally late dates all best", () => {
    const models = [gpt41Mini(), { ...gpt54(), model: { ...gpt54().model, knowledgeCutoff: "2024-08-01" } }, llama()];
    expect(best("knowledgeCutoff", compareModels(models))).toEqual(["gpt-5.4", "llama-4-scout"]);
  });

  it("never ranks the last update", () => {
    const models = [
      { ...gpt41Mini(), model: { ...gpt41Mini().model, lastUpdated: "2025-05-01" } },
      { ...gpt54(), model: { ...gpt54().model, lastUpdated: "2026-03-05" } },
    ];
    const lastUpdated = row("lastUpdated", compareModels(models));
    expect(lastUpdated).toMatchObject({ better: "NONE", differs: true });
    expect(lastUpdated.cells.map((c) => [c.value, c.best])).toEqual([
      ["2025-05-01", false],
      ["2026-03-05", false],
    ]);
  });
});
