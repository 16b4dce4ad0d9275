import { hasFreeTierMarker, isFreeOffering, isIncluded, isRouterId, isRouterOffering, offeringKind } from "../../../src/catalog/offerings/offeringKind";
import { price } from "../cost/priceFixtures";

/** Offerings as the seeded catalog holds them (provider model id, model id, name), with their current prices. */
const OPENROUTER_NEMOTRON_FREE = { providerModelId: "nvidia/nemotron-3-ultra-550b-a55b:free", modelId: "nemotron-3-ultra-550b-a55b", name: "Nemotron 3 Ultra (free)" };
const GITHUB_GPT_41_MINI = { providerModelId: "openai/gpt-4.1-mini", modelId: "gpt-4.1-mini", name: "GPT-4.1-mini" };
const OPENROUTER_AUTO = { providerModelId: "openrouter/auto", modelId: "auto", name: "Auto Router" };
const OPENAI_GPT_41_MINI = { providerModelId: "gpt-4.1-mini", modelId: "gpt-4.1-mini", name: "GPT-4.1 mini" };

describe("the free rule", () => {
  it("marks OpenRouter's nvidia/nemotron-3-ultra-550b-a55b:free free by its :free tag, whatever its prices", () => {
    expect(isFreeOffering(OPENROUTER_NEMOTRON_FREE, [])).toBe(true);
    expect(isFreeOffering({ ...OPENROUTER_NEMOTRON_FREE, name: null }, [price("o", "INPUT", "0.5")])).toBe(true);
  });

  it("marks GitHub Models' gpt-4.1-mini free: its INPUT and OUTPUT prices are 0", () => {
    expect(isFreeOffering(GITHUB_GPT_41_MINI, [price("o", "INPUT", "0"), price("o", "OUTPUT", "0.000000000000")])).toBe(true);
  });

  it("keeps OpenAI's gpt-4.1-mini at 0.40 / 1.60 paid, and one zero price of two does not make it free", () => {
    expect(isFreeOffering(OPENAI_GPT_41_MINI, [price("o", "INPUT", "0.4"), price("o", "OUTPUT", "1.6")])).toBe(false);
    expect(isFreeOffering(OPENAI_GPT_41_MINI, [price("o", "INPUT", "0"), price("o", "OUTPUT", "1.6")])).toBe(false);
  });

  it("reads only base-tier INPUT and OUTPUT prices: a zero cache price or a priced long-context tier changes nothing", () => {
    expect(isFreeOffering(OPENAI_GPT_41_MINI, [price("o", "INPUT", "0"), price("o", "OUTPUT", "0"), price("o", "CACHED_INPUT", "0.1"), price("o", "INPUT", "2", { contextAbove: 200_000 })])).toBe(true);
    expect(isFreeOffering(OPENAI_GPT_41_MINI, [price("o", "CACHED_INPUT", "0")])).toBe(false);
  });

  it("is not free without any INPUT or OUTPUT price and no marker", () => {
    expect(isFreeOffering(OPENAI_GPT_41_MINI, [])).toBe(false);
  });

  it.each([
    ["nvidia/nemotron-3-super-120b-a12b:free", true],
    ["kimi-k2.5-free", true],
    ["z-ai/glm-5.2-free", true],
    ["openrouter/free", true],
    ["kilo-auto/free", true],
    ["some-model:promo", true],
    ["freedom-7b", false],
    ["free-form-13b", false],
    ["qwen3-coder:beta", false],
    ["gpt-4.1-mini", false],
  ])("reads %s as a free tier marker: %s", (id, expected) => {
    expect(hasFreeTierMarker(id)).toBe(expected);
  });
});

describe("the router rule", () => {
  it.each([
    ["openrouter/auto", true],
    ["auto", true],
    ["orcarouter/auto", true],
    ["switchpoint/router", true],
    ["model-router", true],
    ["nanogpt/coding-router:high", true],
    ["auto-model-premium", true],
    ["kilo-auto/balanced", true],
    ["route-llm", true],
    // Any case, any separators: the words are what count.
    ["abacus/ROUTE_LLM", true],
    ["Vendor/Auto", true],
    ["accounts/fireworks/routers/glm-5p1-fast", false],
    ["route/deepseek-v4-pro", false],
    ["~openai/gpt-latest", false],
    ["zai-org/autoglm-phone-9b-multilingual", false],
    ["automl-e2e@001", false],
    ["gpt-4.1-mini", false],
  ])("reads %s as a router's id: %s", (id, expected) => {
    expect(isRouterId(id)).toBe(expected);
  });

  it("marks OpenRouter's openrouter/auto a router, and Tencent's tc-code-latest by its name Auto", () => {
    expect(isRouterOffering(OPENROUTER_AUTO)).toBe(true);
    expect(isRouterOffering({ providerModelId: "tc-code-latest", modelId: "tc-code-latest", name: "Auto" })).toBe(true);
    expect(isRouterOffering({ providerModelId: "z-ai/autoglm-phone-9b", modelId: "autoglm-phone-9b", name: "Z-Ai/Autoglm Phone 9b" })).toBe(false);
  });
});

describe("an offering's kind and whether a price comparison counts it", () => {
  it("classifies OpenRouter's openrouter/free as both free and a router, and leaves it out unless both are included", () => {
    const kind = offeringKind({ providerModelId: "openrouter/free", modelId: "free", name: "Free Models Router" }, [price("o", "INPUT", "0"), price("o", "OUTPUT", "0")]);
    expect(kind).toEqual({ free: true, router: true });
    expect(isIncluded(kind, {})).toBe(false);
    expect(isIncluded(kind, { includeFree: true })).toBe(false);
    expect(isIncluded(kind, { includeRouters: true })).toBe(false);
    expect(isIncluded(kind, { includeFree: true, includeRouters: true })).toBe(true);
  });

  it("classifies OpenAI's gpt-4.1-mini as paid, counted whatever the inclusion", () => {
    const kind = offeringKind(OPENAI_GPT_41_MINI, [price("o", "INPUT", "0.4"), price("o", "OUTPUT", "1.6")]);
    expect(kind).toEqual({ free: false, router: false });
    expect(isIncluded(kind, null)).toBe(true);
  });

  it("counts a free offering that is no router once free offerings are included", () => {
    expect(isIncluded({ free: true, router: false }, { includeFree: true })).toBe(true);
    expect(isIncluded({ free: false, router: true }, { includeFree: true })).toBe(false);
  });
});
