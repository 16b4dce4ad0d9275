import type { PriceView } from "../../../src/catalog/views";

let nextId = 0;

/** A current USD price per 1M tokens in STANDARD mode at the base tier, unless `extra` says otherwise. */
export function price(offeringId: string, kind: PriceView["kind"], amount: string, extra: Partial<PriceView> = {}): PriceView {
  nextId += 1;
  return {
    id: `price-${nextId}`,
    offeringId,
    kind,
    unit: "PER_1M_TOKENS",
    mode: "STANDARD",
    contextAbove: 0,
    tierRule: "WHOLE_REQUEST",
    amount,
    currency: "USD",
    validFrom: new Date("2025-04-14T00:00:00Z"),
    validTo: null,
    sourceId: null,
    reason: null,
    version: 1,
    ...extra,
  };
}

/** gpt-4.1-mini at OpenAI, as its pricing page states it. */
export const GPT_41_MINI = "openai/gpt-4.1-mini";
export const gpt41MiniPrices = (): PriceView[] => [
  price(GPT_41_MINI, "INPUT", "0.4"),
  price(GPT_41_MINI, "OUTPUT", "1.6"),
  price(GPT_41_MINI, "CACHED_INPUT", "0.1"),
];

/** gpt-5.4 at OpenAI: a long-context tier for prompts above 272k tokens and a FAST mode. */
export const GPT_54 = "openai/gpt-5.4";
export const gpt54Prices = (): PriceView[] => [
  price(GPT_54, "INPUT", "2.5"),
  price(GPT_54, "OUTPUT", "15"),
  price(GPT_54, "CACHED_INPUT", "0.25"),
  price(GPT_54, "INPUT", "5", { contextAbove: 272_000 }),
  price(GPT_54, "OUTPUT", "22.5", { contextAbove: 272_000 }),
  price(GPT_54, "CACHED_INPUT", "0.5", { contextAbove: 272_000 }),
  price(GPT_54, "INPUT", "5", { mode: "FAST" }),
  price(GPT_54, "OUTPUT", "30", { mode: "FAST" }),
  price(GPT_54, "CACHED_INPUT", "0.5", { mode: "FAST" }),
];
