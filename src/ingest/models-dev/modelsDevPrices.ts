// models.dev's [cost] table: USD per 1M tokens, one key per kind of token. [[cost.tiers]] (and the older
// cost.context_over_200k table) give the prices past a prompt size; [experimental.modes.<mode>].cost gives
// the prices of a request mode such as "fast".

import type { ParseIssue, PriceKind, PriceMode, PriceObservation, PriceUnit } from "../observation";
import { isDecimalText, normalizeDecimal } from "../units";
import { isTable, type InheritedToml } from "./inheritedToml";
import type { KeyPath } from "./tomlLiterals";

/**
 * [cost] keys, what each prices and in which unit. Besides the README's seven keys (USD per 1M tokens), a
 * few files spell the cache keys their own way (cache_input, cached_input, cached_write). `image` appears
 * on image-generation models whose prices match the vendor's per-1M image-output-token prices. `request`
 * is Perplexity's request fee, which Perplexity prices per 1,000 requests (sonar-deep-research's 5.0 is
 * its $5 per 1,000 search queries).
 */
const PRICE_KEYS: Record<string, { kind: PriceKind; unit: PriceUnit }> = {
  input: { kind: "INPUT", unit: "PER_1M_TOKENS" },
  output: { kind: "OUTPUT", unit: "PER_1M_TOKENS" },
  cache_read: { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS" },
  cache_input: { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS" },
  cached_input: { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS" },
  cache_write: { kind: "CACHE_WRITE", unit: "PER_1M_TOKENS" },
  cached_write: { kind: "CACHE_WRITE", unit: "PER_1M_TOKENS" },
  reasoning: { kind: "REASONING", unit: "PER_1M_TOKENS" },
  input_audio: { kind: "INPUT_AUDIO", unit: "PER_1M_TOKENS" },
  output_audio: { kind: "OUTPUT_AUDIO", unit: "PER_1M_TOKENS" },
  image: { kind: "OUTPUT_IMAGE", unit: "PER_1M_TOKENS" },
  request: { kind: "REQUEST", unit: "PER_1K_REQUESTS" },
};

/** [cost] keys the format has that no price kind of the catalog expresses: read, reported NOT_STORED. */
const NOT_STORED_KEYS: Record<string, string> = {
  citation: "Perplexity's price of citation tokens has no price kind in the catalog",
};

/** [experimental.modes.<name>] names and the price mode each one is. */
const MODES: Record<string, PriceMode> = { fast: "FAST", priority: "PRIORITY", flex: "FLEX", batch: "BATCH" };

/** The older fixed tier: prices for prompts over 200k tokens. */
const CONTEXT_OVER_200K = 200_000;

/** Every price a merged model file states: the [cost] table, its tiers, and each experimental mode's cost. */
export function pricesOf(source: InheritedToml, issues: ParseIssue[]): PriceObservation[] {
  const prices: PriceObservation[] = [];
  if (source.get(["cost"]) !== undefined) costTable(source, ["cost"], "STANDARD", prices, issues);
  const modes = source.get(["experimental", "modes"]);
  if (isTable(modes)) {
    for (const name of Object.keys(modes)) {
      const mode = MODES[name];
      const at: KeyPath = ["experimental", "modes", name];
      if (!mode) {
        issues.push({ code: "UNKNOWN_VALUE", message: `unknown experimental mode "${name}"`, locator: source.locator(at) });
        continue;
      }
      if (source.get([...at, "cost"]) !== undefined) costTable(source, [...at, "cost"], mode, prices, issues);
    }
  }
  return prices;
}

function costTable(source: InheritedToml, at: KeyPath, mode: PriceMode, prices: PriceObservation[], issues: ParseIssue[]): void {
  const table = source.get(at);
  if (!isTable(table)) {
    issues.push({ code: "UNKNOWN_VALUE", message: "expected a table of prices", locator: source.locator(at) });
    return;
  }
  for (const key of Object.keys(table)) {
    if (key === "tiers") tiers(source, [...at, key], mode, prices, issues);
    else if (key === "context_over_200k") tierPrices(source, [...at, key], mode, CONTEXT_OVER_200K, prices, issues);
    else priceAt(source, [...at, key], mode, 0, prices, issues);
  }
}

/** `[[cost.tiers]]`: `tier = { type = "context", size = N }` (type may be left out) and the prices past N tokens. */
function tiers(source: InheritedToml, at: KeyPath, mode: PriceMode, prices: PriceObservation[], issues: ParseIssue[]): void {
  const list = source.get(at);
  if (!Array.isArray(list)) {
    issues.push({ code: "UNKNOWN_VALUE", message: "expected an array of price tiers", locator: source.locator(at) });
    return;
  }
  list.forEach((_, index) => {
    const tierAt: KeyPath = [...at, index];
    const tier = source.get([...tierAt, "tier"]);
    if (!isTable(tier)) {
      issues.push({ code: "MISSING_FIELD", message: "price tier has no tier = { size = N }; its prices are skipped", locator: source.locator(tierAt) });
      return;
    }
    if (tier.type !== undefined && tier.type !== "context") {
      const locator = source.locator([...tierAt, "tier", "type"]);
      issues.push({ code: "UNKNOWN_VALUE", message: `unknown price tier type ${JSON.stringify(tier.type)}; its prices are skipped`, locator });
      return;
    }
    if (typeof tier.size !== "number" || !Number.isSafeInteger(tier.size) || tier.size <= 0) {
      const locator = source.locator([...tierAt, "tier", "size"]);
      issues.push({ code: "INVALID_NUMBER", message: `price tier size is not a positive whole number: ${JSON.stringify(tier.size)}`, locator });
      return;
    }
    tierPrices(source, tierAt, mode, tier.size, prices, issues);
  });
}

function tierPrices(source: InheritedToml, at: KeyPath, mode: PriceMode, contextAbove: number, prices: PriceObservation[], issues: ParseIssue[]): void {
  const table = source.get(at);
  if (!isTable(table)) {
    issues.push({ code: "UNKNOWN_VALUE", message: "expected a table of prices", locator: source.locator(at) });
    return;
  }
  for (const key of Object.keys(table)) if (key !== "tier") priceAt(source, [...at, key], mode, contextAbove, prices, issues);
}

function priceAt(
  source: InheritedToml,
  at: KeyPath,
  mode: PriceMode,
  contextAbove: number,
  prices: PriceObservation[],
  issues: ParseIssue[],
): void {
  const key = String(at[at.length - 1]);
  const locator = source.locator(at);
  const spec = PRICE_KEYS[key];
  if (!spec) {
    const why = NOT_STORED_KEYS[key];
    issues.push(why ? { code: "NOT_STORED", message: `price ${key} not stored: ${why}`, locator } : { code: "UNKNOWN_VALUE", message: `unknown price key "${key}"`, locator });
    return;
  }
  const value = source.get(at);
  const literal = source.literal(at);
  const amount = exactDecimal(value, literal);
  if (amount === undefined) {
    issues.push({ code: "INVALID_NUMBER", message: `price ${key} is not a number: ${literal ?? JSON.stringify(value)}`, locator });
    return;
  }
  if (amount.startsWith("-")) {
    issues.push({ code: "NEGATIVE_PRICE", message: `price ${key} is negative: ${literal ?? amount}`, locator });
    return;
  }
  const raw = typeof value === "string" ? JSON.stringify(value) : literal;
  prices.push({
    kind: spec.kind,
    unit: spec.unit,
    mode,
    contextAbove,
    amount,
    currency: "USD",
    locator,
    ...(raw !== undefined && raw !== amount ? { raw } : {}),
  });
}

/**
 * The exact decimal a TOML number was written as: its literal text when the scanner found it (and it reads
 * back as the same number), else the shortest text that round-trips the float, which is exact for any
 * literal of up to 15 significant digits. A decimal string ("0.4") is accepted too. Undefined for anything
 * else (a word, a boolean, NaN, infinity).
 */
export function exactDecimal(value: unknown, literal?: string): string | undefined {
  if (typeof value === "string") return isDecimalText(value) ? normalizeDecimal(value.trim()) : undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  const written = literal?.replace(/_/g, "").replace(/^\+/, "");
  const exact = written !== undefined && isDecimalText(written) && Number(written) === value ? normalizeDecimal(written) : normalizeDecimal(String(value));
  return exact === "-0" ? "0" : exact;
}
