// How Starmap pages write values, read back into catalog units: counts shown as "1.0M tokens" or "32k"
// (Starmap's formatNumber/formatContext), ISO dates, "true"/"Yes" flags, and prices such as "$0.40/1M".
// Each reader returns a Stated value or records an issue; none throws.

import Decimal from "decimal.js";
import type { CapabilityLevel, ParseIssue, PriceKind, PriceUnit, Stated } from "../observation";
import { isDecimalText, monthYearToIso, normalizeDecimal } from "../units";
import type { Line } from "./markdownPage";

/** The locator of a line: "L23". */
export const at = (line: Line) => `L${line.number}`;

/** Cells that state nothing: a dash, "N/A", an empty cell. */
export function isBlankValue(text: string): boolean {
  return /^(|-|—|–|n\/a|none|unknown|not specified)$/i.test(text.trim());
}

/** `raw` only when the text differs from how the value prints. */
function rawIfDifferent(raw: string, value: unknown): { raw?: string } {
  const printed = Array.isArray(value) ? value.join(",") : String(value);
  return raw === printed ? {} : { raw };
}

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * A token count: exact ("1,047,576", "448") or display-rounded ("1.0M tokens" → 1000000 with step
 * 100000, "32k" → 32000 with step 1000). Undefined, with an INVALID_NUMBER issue, for anything else.
 */
export function tokenCount(text: string, line: Line, issues: ParseIssue[], what: string): Stated<number> | undefined {
  const raw = text.trim();
  const bare = raw.replace(/\s*tokens?$/i, "");
  if (/^(\d{1,3}(,\d{3})+|\d+)$/.test(bare)) {
    const value = Number(bare.replace(/,/g, ""));
    if (value > 0) return { value, locator: at(line), ...rawIfDifferent(raw, value) };
  }
  const rounded = /^(\d+)(?:\.(\d+))?\s*([kKmMbB])$/.exec(bare);
  if (rounded) {
    const scale = SCALES[rounded[3].toLowerCase()];
    const value = new Decimal(`${rounded[1]}.${rounded[2] ?? "0"}`).times(scale).toNumber();
    const step = new Decimal(scale).dividedBy(new Decimal(10).pow(rounded[2]?.length ?? 0)).toNumber();
    if (value > 0) return { value, locator: at(line), raw, precision: "rounded", step };
  }
  issues.push({ code: "INVALID_NUMBER", message: `${what} is not a token count: "${raw}"`, locator: at(line) });
  return undefined;
}

/** An ISO date ("2024-04-01" day, "2024-04" month, "2024" year) or a month name and year ("April 2024"). */
export function isoDate(text: string, line: Line, issues: ParseIssue[], what: string): Stated<string> | undefined {
  const raw = text.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z| UTC)?)?$/.exec(raw);
  if (iso && validMonthDay(iso[2], iso[3])) {
    const value = [iso[1], iso[2], iso[3]].filter(Boolean).join("-");
    const precision = iso[3] ? "day" : iso[2] ? "month" : "year";
    return { value, locator: at(line), ...rawIfDifferent(raw, value), precision };
  }
  const month = monthYearToIso(raw);
  if (month) return { value: month, locator: at(line), raw, precision: "month" };
  issues.push({ code: "INVALID_DATE", message: `${what} is not a date: "${raw}"`, locator: at(line) });
  return undefined;
}

function validMonthDay(month?: string, day?: string): boolean {
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  return day === undefined || (Number(day) >= 1 && Number(day) <= 31);
}

/** "true"/"false", "Yes"/"No". */
export function flag(text: string, line: Line, issues: ParseIssue[], what: string): Stated<boolean> | undefined {
  const raw = plainFlag(text);
  if (/^(true|yes)$/i.test(raw)) return { value: true, locator: at(line), ...rawIfDifferent(raw, true) };
  if (/^(false|no)$/i.test(raw)) return { value: false, locator: at(line), ...rawIfDifferent(raw, false) };
  issues.push({ code: "UNKNOWN_VALUE", message: `${what} is neither yes nor no: "${raw}"`, locator: at(line) });
  return undefined;
}

const plainFlag = (text: string) => text.replace(/[`*]/g, "").trim();

/** A list of modality names as the catalog keeps them, with the text as written. */
export function modalities(value: string[], raw: string, line: Line): Stated<string[]> {
  return { value, locator: at(line), ...rawIfDifferent(raw, value) };
}

/** A ✅/❌ table cell or a generation-control range ("0.0-2.0", "-2.0 to 2.0", "1-32k"): supported or not. */
export function capabilityCell(text: string): CapabilityLevel | undefined {
  const cell = text.trim();
  if (/^(✅|✓|✔|✔️|yes|true|supported)$/i.test(cell)) return "SUPPORTED";
  if (/^(❌|✗|✘|❎|no|false|unsupported|not supported)$/i.test(cell)) return "NOT_SUPPORTED";
  if (/^-?\d+(\.\d+)?[kKmM]?\s*(-|to|–)\s*-?\d+(\.\d+)?[kKmM]?$/.test(cell)) return "SUPPORTED";
  return undefined;
}

/** A badge message: "core" is a core control, a check or any word of support is supported, a cross is not. */
export function badgeLevel(value: string): CapabilityLevel {
  const message = value.trim().toLowerCase();
  if (message === "core") return "CORE";
  if (/^(✗|✘|❌|❎|no|false|none|unsupported|not supported|disabled)$/.test(message)) return "NOT_SUPPORTED";
  return "SUPPORTED";
}

/** The money of a price cell, before its kind and unit are known. */
export interface Money {
  amount: string;
  currency: string;
  /** What the amount is per, as written after the slash ("1M", "img", "min", "query"); "" when none. */
  per: string;
  raw: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP" };

/**
 * A price cell: "$0.40/1M", "$0.040/img", "$1.60", "Free". Undefined for a blank cell. A negative amount
 * (NEGATIVE_PRICE), a non-number (INVALID_NUMBER) or an unknown currency (UNKNOWN_VALUE) is an issue and
 * no price.
 */
export function money(text: string, line: Line, issues: ParseIssue[], what: string): Money | undefined {
  const raw = text.trim();
  if (isBlankValue(raw)) return undefined;
  if (/^free$/i.test(raw)) return { amount: "0", currency: "USD", per: "", raw };
  const match = /^(-?)\s*([$€£¥]|[A-Z]{3}\s?)?\s*(-?)\s*([^/\s]+)\s*(?:\/\s*(\S+))?$/.exec(raw);
  const sign = match && (match[1] || match[3]) ? "-" : "";
  const number = match?.[4].replace(/,/g, "") ?? "";
  if (!match || !isDecimalText(number) || number.startsWith("-")) {
    issues.push({ code: "INVALID_NUMBER", message: `${what} is not a price: "${raw}"`, locator: at(line) });
    return undefined;
  }
  if (sign === "-" && !new Decimal(number).isZero()) {
    issues.push({ code: "NEGATIVE_PRICE", message: `${what} is negative: "${raw}"`, locator: at(line) });
    return undefined;
  }
  const symbol = (match[2] ?? "$").trim();
  const currency = CURRENCY_SYMBOLS[symbol] ?? (/^[A-Z]{3}$/.test(symbol) ? symbol : undefined);
  if (!currency) {
    issues.push({ code: "UNKNOWN_VALUE", message: `${what} has an ambiguous currency "${symbol}": "${raw}"`, locator: at(line) });
    return undefined;
  }
  return { amount: normalizeDecimal(number), currency, per: match[5] ?? "", raw };
}

/** What a price is per, as Starmap writes it after the slash. */
export const PER_UNITS: Record<string, PriceUnit> = {
  "1m": "PER_1M_TOKENS",
  "1m tokens": "PER_1M_TOKENS",
  img: "PER_IMAGE",
  image: "PER_IMAGE",
  min: "PER_MINUTE",
  minute: "PER_MINUTE",
  sec: "PER_SECOND",
  s: "PER_SECOND",
  query: "PER_REQUEST",
  request: "PER_REQUEST",
  req: "PER_REQUEST",
  "1k": "PER_1K_REQUESTS",
};

/** Token Pricing and Operation Pricing columns: what each prices, and its unit when the cell gives none. */
export const PRICE_COLUMNS: Record<string, { kind: PriceKind; unit: PriceUnit } | null> = {
  input: { kind: "INPUT", unit: "PER_1M_TOKENS" },
  output: { kind: "OUTPUT", unit: "PER_1M_TOKENS" },
  reasoning: { kind: "REASONING", unit: "PER_1M_TOKENS" },
  "cache read": { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS" },
  "cached input": { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS" },
  "cache write": { kind: "CACHE_WRITE", unit: "PER_1M_TOKENS" },
  "image input": { kind: "INPUT_IMAGE", unit: "PER_IMAGE" },
  "audio input": { kind: "INPUT_AUDIO", unit: "PER_MINUTE" },
  "image gen": { kind: "OUTPUT_IMAGE", unit: "PER_IMAGE" },
  "audio gen": { kind: "OUTPUT_AUDIO", unit: "PER_MINUTE" },
  "web search": { kind: "WEB_SEARCH", unit: "PER_REQUEST" },
  "per request": { kind: "REQUEST", unit: "PER_REQUEST" },
  // The catalog has no price kind for video input.
  "video input": null,
};

/** Days of a retention duration: "30 days", "1 day", "48 hours", "Immediate deletion" / "None" → 0. */
export function retentionDays(text: string, line: Line, issues: ParseIssue[]): Stated<number> | undefined {
  const raw = text.trim();
  if (/^(immediate( deletion)?|none|no retention|zero( retention)?|0)$/i.test(raw)) return { value: 0, locator: at(line), raw };
  const match = /^(\d+(?:\.\d+)?)\s*(day|days|d|hour|hours|h)$/i.exec(raw);
  if (match) {
    const days = /^d/i.test(match[2]) ? new Decimal(match[1]) : new Decimal(match[1]).dividedBy(24);
    return { value: days.toNumber(), locator: at(line), raw };
  }
  if (!/^(not specified|unknown|n\/a|-|indefinite)$/i.test(raw)) {
    issues.push({ code: "UNKNOWN_VALUE", message: `retention duration is not a number of days: "${raw}"`, locator: at(line) });
  }
  return undefined;
}

/** Removes the keys whose value is undefined, so an observation lists only what the page stated. */
export function dropUndefined(fields: object): void {
  const record = fields as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
}
