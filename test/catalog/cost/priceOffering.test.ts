import { priceOffering, type OfferingCost } from "../../../src/catalog/cost/priceOffering";
import { normalizeWorkload, type Workload } from "../../../src/catalog/cost/workload";
import { GPT_41_MINI, GPT_54, gpt41MiniPrices, gpt54Prices, price } from "./priceFixtures";

const workload = (input: Partial<Workload>) => normalizeWorkload(input);

/** The estimate's lines as "KIND quantity × amount = cost", which is what a user checks. */
function linesOf(cost: OfferingCost | undefined): string[] {
  if (!cost) throw new Error("expected an estimate");
  return cost.lines.map((l) => `${l.kind} ${l.quantity} × ${l.price.amount} ${l.unit} = ${l.amount}`);
}

function estimate(offeringId: string, input: Partial<Workload>, prices: Parameters<typeof priceOffering>[2]): OfferingCost {
  const cost = priceOffering(offeringId, workload(input), prices);
  if (!cost) throw new Error("expected an estimate");
  return cost;
}

describe("priceOffering: the arithmetic", () => {
  it("prices 200,000 input, 20,000 output and 50,000 cached tokens of gpt-4.1-mini over 10 requests at 0.08 + 0.032 + 0.005 = 0.117 USD", () => {
    const cost = estimate(GPT_41_MINI, { inputTokens: 200_000, outputTokens: 20_000, cachedInputTokens: 50_000, requests: 10 }, gpt41MiniPrices());
    expect(linesOf(cost)).toEqual([
      "INPUT 200000 × 0.4 PER_1M_TOKENS = 0.08",
      "OUTPUT 20000 × 1.6 PER_1M_TOKENS = 0.032",
      "CACHED_INPUT 50000 × 0.1 PER_1M_TOKENS = 0.005",
    ]);
    expect(cost).toMatchObject({ offeringId: GPT_41_MINI, currency: "USD", total: "0.117", tierAbove: 0, missing: [], complete: true });
    expect(cost.lines.every((l) => l.note === undefined)).toBe(true);
  });

  it("adds 0.1 and 0.2 to exactly 0.3, never 0.30000000000000004", () => {
    const prices = [price("o", "INPUT", "0.1"), price("o", "OUTPUT", "0.2")];
    expect(estimate("o", { inputTokens: 1_000_000, outputTokens: 1_000_000 }, prices).total).toBe("0.3");
  });

  it("keeps a per-token price scaled to 1M tokens (0.000000025) exact, in plain notation", () => {
    const cost = estimate("o", { inputTokens: 3 }, [price("o", "INPUT", "0.000000025")]);
    expect(cost.lines[0].amount).toBe("0.000000000000075");
    expect(cost.total).toBe("0.000000000000075");
    expect(estimate("o", { inputTokens: 123_456_789 }, [price("o", "INPUT", "0.025")]).total).toBe("3.086419725");
  });

  it("keeps all 24 significant digits of a near-1e15-token workload instead of rounding to 20", () => {
    const cost = estimate("o", { inputTokens: 999_999_999_999_999 }, [price("o", "INPUT", "1.23456789")]);
    expect(cost.lines[0].quantity).toBe("999999999999999");
    expect(cost.total).toBe("1234567889.99999876543211");
  });

  it("bills images per image, searches per thousand and requests per request", () => {
    const prices = [
      price("o", "INPUT", "2"),
      price("o", "OUTPUT_IMAGE", "0.04", { unit: "PER_IMAGE" }),
      price("o", "WEB_SEARCH", "10", { unit: "PER_1K_REQUESTS" }),
      price("o", "REQUEST", "0.005", { unit: "PER_REQUEST" }),
    ];
    const cost = estimate("o", { inputTokens: 10_000, outputImages: 3, webSearches: 25, requests: 10 }, prices);
    expect(linesOf(cost)).toEqual([
      "INPUT 10000 × 2 PER_1M_TOKENS = 0.02",
      "OUTPUT_IMAGE 3 × 0.04 PER_IMAGE = 0.12",
      "WEB_SEARCH 25 × 10 PER_1K_REQUESTS = 0.25",
      "REQUEST 10 × 0.005 PER_REQUEST = 0.05",
    ]);
    expect(cost.total).toBe("0.44");
  });

  it("bills a per-thousand-requests fee as requests / 1000 × amount", () => {
    const cost = estimate("o", { inputTokens: 1000, requests: 250 }, [price("o", "INPUT", "1"), price("o", "REQUEST", "2", { unit: "PER_1K_REQUESTS" })]);
    expect(linesOf(cost)).toEqual(["INPUT 1000 × 1 PER_1M_TOKENS = 0.001", "REQUEST 250 × 2 PER_1K_REQUESTS = 0.5"]);
    expect(cost.total).toBe("0.501");
  });
});

describe("priceOffering: long-context tiers (whole-request rule)", () => {
  it("bills every token of a 300k-token prompt at gpt-5.4's above-272k prices", () => {
    const cost = estimate(GPT_54, { inputTokens: 250_000, cachedInputTokens: 50_000, outputTokens: 10_000 }, gpt54Prices());
    expect(cost.tierAbove).toBe(272_000);
    expect(linesOf(cost)).toEqual([
      "INPUT 250000 × 5 PER_1M_TOKENS = 1.25",
      "OUTPUT 10000 × 22.5 PER_1M_TOKENS = 0.225",
      "CACHED_INPUT 50000 × 0.5 PER_1M_TOKENS = 0.025",
    ]);
    expect(cost.total).toBe("1.5");
  });

  it("bills a 100k-token prompt at gpt-5.4's base prices", () => {
    const cost = estimate(GPT_54, { inputTokens: 80_000, cachedInputTokens: 20_000, outputTokens: 10_000 }, gpt54Prices());
    expect(cost.tierAbove).toBe(0);
    expect(linesOf(cost)).toEqual([
      "INPUT 80000 × 2.5 PER_1M_TOKENS = 0.2",
      "OUTPUT 10000 × 15 PER_1M_TOKENS = 0.15",
      "CACHED_INPUT 20000 × 0.25 PER_1M_TOKENS = 0.005",
    ]);
    expect(cost.total).toBe("0.355");
  });

  it("keeps a prompt of exactly 272,000 tokens in the base tier, since the tier applies to longer prompts", () => {
    expect(estimate(GPT_54, { inputTokens: 272_000 }, gpt54Prices()).tierAbove).toBe(0);
    expect(estimate(GPT_54, { inputTokens: 272_001 }, gpt54Prices()).tierAbove).toBe(272_000);
  });

  it("chooses the tier by the prompt of one request, the average over requests unless stated", () => {
    expect(estimate(GPT_54, { inputTokens: 3_000_000, requests: 10 }, gpt54Prices()).tierAbove).toBe(272_000);
    expect(estimate(GPT_54, { inputTokens: 3_000_000, requests: 20 }, gpt54Prices()).tierAbove).toBe(0);
    const stated = estimate(GPT_54, { inputTokens: 3_000_000, requests: 20, promptTokensPerRequest: 400_000 }, gpt54Prices());
    expect(stated.tierAbove).toBe(272_000);
    expect(stated.total).toBe("15");
  });

  it("bills a kind without a long-context price at its base price and says so", () => {
    const prices = [
      price("o", "INPUT", "2.5"),
      price("o", "OUTPUT", "15"),
      price("o", "CACHED_INPUT", "0.25"),
      price("o", "INPUT", "5", { contextAbove: 272_000 }),
      price("o", "OUTPUT", "22.5", { contextAbove: 272_000 }),
    ];
    const cost = estimate("o", { inputTokens: 250_000, cachedInputTokens: 50_000 }, prices);
    expect(cost.tierAbove).toBe(272_000);
    expect(cost.lines[1]).toMatchObject({
      kind: "CACHED_INPUT",
      amount: "0.0125",
      note: "no CACHED_INPUT price for prompts above 272000 tokens: billed at the base-tier price",
    });
    expect(cost.total).toBe("1.2625");
  });
});

describe("priceOffering: modes", () => {
  it("prices gpt-5.4's FAST mode with FAST prices only", () => {
    const cost = estimate(GPT_54, { inputTokens: 100_000, cachedInputTokens: 20_000, outputTokens: 10_000, mode: "FAST" }, gpt54Prices());
    expect(linesOf(cost)).toEqual([
      "INPUT 100000 × 5 PER_1M_TOKENS = 0.5",
      "OUTPUT 10000 × 30 PER_1M_TOKENS = 0.3",
      "CACHED_INPUT 20000 × 0.5 PER_1M_TOKENS = 0.01",
    ]);
    expect(cost.lines.map((l) => l.price.mode)).toEqual(["FAST", "FAST", "FAST"]);
    expect(cost.total).toBe("0.81");
  });

  it("gives no estimate for an offering that has no price in the asked mode", () => {
    expect(priceOffering(GPT_54, workload({ inputTokens: 1000, mode: "BATCH" }), gpt54Prices())).toBeUndefined();
    expect(priceOffering(GPT_41_MINI, workload({ inputTokens: 1000, mode: "FAST" }), gpt41MiniPrices())).toBeUndefined();
  });

  it("ignores the prices of other offerings passed along", () => {
    expect(priceOffering("someone-else", workload({ inputTokens: 1000 }), gpt41MiniPrices())).toBeUndefined();
    expect(estimate(GPT_41_MINI, { inputTokens: 1_000_000 }, [...gpt54Prices(), ...gpt41MiniPrices()]).total).toBe("0.4");
  });
});

describe("priceOffering: fallbacks and notes", () => {
  it("bills cached tokens at the INPUT price when there is no CACHED_INPUT price, and says so", () => {
    const cost = estimate("o", { cachedInputTokens: 100_000 }, [price("o", "INPUT", "3")]);
    expect(cost.lines).toEqual([
      expect.objectContaining({ kind: "INPUT", quantity: "100000", amount: "0.3", note: "no CACHED_INPUT price: billed at the INPUT price" }),
    ]);
    expect(cost.complete).toBe(true);
  });

  it("bills cache writes at the INPUT price when there is no CACHE_WRITE price, and at CACHE_WRITE when there is", () => {
    expect(estimate("o", { cacheWriteTokens: 1_000_000 }, [price("o", "INPUT", "3")]).lines[0]).toMatchObject({
      kind: "INPUT",
      amount: "3",
      note: "no CACHE_WRITE price: billed at the INPUT price",
    });
    expect(estimate("o", { cacheWriteTokens: 1_000_000 }, [price("o", "INPUT", "3"), price("o", "CACHE_WRITE", "3.75")]).lines[0]).toEqual(
      expect.objectContaining({ kind: "CACHE_WRITE", amount: "3.75" }),
    );
  });

  it("bills reasoning tokens as output when there is no REASONING price, and at REASONING when there is", () => {
    const asOutput = estimate("o", { outputTokens: 1000, reasoningTokens: 4000 }, [price("o", "INPUT", "1.1"), price("o", "OUTPUT", "4.4")]);
    expect(linesOf(asOutput)).toEqual(["OUTPUT 1000 × 4.4 PER_1M_TOKENS = 0.0044", "OUTPUT 4000 × 4.4 PER_1M_TOKENS = 0.0176"]);
    expect(asOutput.lines[1].note).toBe("no REASONING price: billed as output");
    expect(asOutput.total).toBe("0.022");

    const separately = estimate("o", { reasoningTokens: 4000 }, [price("o", "OUTPUT", "4.4"), price("o", "REASONING", "3.5")]);
    expect(linesOf(separately)).toEqual(["REASONING 4000 × 3.5 PER_1M_TOKENS = 0.014"]);
  });

  it("prefers the per-image price of a kind priced both per image and per 1M tokens, for a count of images", () => {
    const prices = [price("o", "INPUT", "1"), price("o", "INPUT_IMAGE", "8"), price("o", "INPUT_IMAGE", "0.01", { unit: "PER_IMAGE" })];
    expect(linesOf(estimate("o", { inputImages: 7 }, prices))).toEqual(["INPUT_IMAGE 7 × 0.01 PER_IMAGE = 0.07"]);
  });
});

describe("priceOffering: what an offering cannot price", () => {
  it("lists audio tokens without an audio price as missing and leaves them out of the total", () => {
    const cost = estimate(GPT_41_MINI, { inputTokens: 1_000_000, inputAudioTokens: 5000, outputAudioTokens: 2000 }, gpt41MiniPrices());
    expect(cost.missing).toEqual(["INPUT_AUDIO", "OUTPUT_AUDIO"]);
    expect(cost.complete).toBe(false);
    expect(cost.total).toBe("0.4");
  });

  it("cannot bill a count of images at a per-1M-token image price", () => {
    const cost = estimate("o", { inputTokens: 1000, inputImages: 3 }, [price("o", "INPUT", "1"), price("o", "INPUT_IMAGE", "8")]);
    expect(cost.missing).toEqual(["INPUT_IMAGE"]);
    expect(linesOf(cost)).toEqual(["INPUT 1000 × 1 PER_1M_TOKENS = 0.001"]);
  });

  it("ignores per-second and per-minute prices, which a token workload cannot fill", () => {
    const cost = estimate("o", { outputAudioTokens: 1000 }, [price("o", "INPUT", "1"), price("o", "OUTPUT_AUDIO", "0.24", { unit: "PER_MINUTE" })]);
    expect(cost.missing).toEqual(["OUTPUT_AUDIO"]);
    expect(cost.lines).toEqual([]);
    expect(cost.total).toBe("0");
  });

  it("never lists a part with a zero quantity, nor a per-request fee the offering does not charge", () => {
    const cost = estimate(GPT_41_MINI, { inputTokens: 1000, inputAudioTokens: 0, requests: 50 }, gpt41MiniPrices());
    expect(cost.missing).toEqual([]);
    expect(cost.complete).toBe(true);
    expect(cost.lines.map((l) => l.kind)).toEqual(["INPUT"]);
  });

  it("keeps one currency per estimate: the INPUT price's, listing parts priced only in another as missing rather than falling back", () => {
    const prices = [
      price("o", "INPUT", "0.4"),
      price("o", "OUTPUT", "1.5", { currency: "EUR" }),
      price("o", "CACHED_INPUT", "0.09", { currency: "EUR" }),
      price("o", "REQUEST", "0.01", { unit: "PER_REQUEST", currency: "EUR" }),
    ];
    const cost = estimate("o", { inputTokens: 1_000_000, outputTokens: 1000, cachedInputTokens: 1000 }, prices);
    expect(cost.currency).toBe("USD");
    expect(linesOf(cost)).toEqual(["INPUT 1000000 × 0.4 PER_1M_TOKENS = 0.4"]);
    expect(cost.missing).toEqual(["OUTPUT", "CACHED_INPUT", "REQUEST"]);
    expect(cost.total).toBe("0.4");
  });

  it("takes the most common currency when an offering has no INPUT price", () => {
    const prices = [
      price("o", "OUTPUT_IMAGE", "0.04", { unit: "PER_IMAGE", currency: "EUR" }),
      price("o", "INPUT_IMAGE", "0.01", { unit: "PER_IMAGE", currency: "EUR" }),
      price("o", "WEB_SEARCH", "10", { unit: "PER_1K_REQUESTS" }),
    ];
    const cost = estimate("o", { outputImages: 2, webSearches: 10 }, prices);
    expect(cost.currency).toBe("EUR");
    expect(cost.total).toBe("0.08");
    expect(cost.missing).toEqual(["WEB_SEARCH"]);
  });
});
