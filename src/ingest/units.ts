import Decimal from "decimal.js";

/** A price per token as a decimal string, scaled to per 1M tokens, exactly ("0.0000004" → "0.4"). */
export function perTokenToPerMillion(perToken: string): string {
  return new Decimal(perToken).times(1_000_000).toFixed();
}

/** Whether `text` is a plain decimal number ("0.4", "-1", "1e-7"); not "", "NaN", "Infinity" or "0x10". */
export function isDecimalText(text: string): boolean {
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim());
}

/**
 * The dates the catalog holds: the years 1 to 9999. PostgreSQL has no year 0 (1 BC is followed by AD 1),
 * so it refuses "0000-01-01" as out of range, though JavaScript's Date takes it; ISO dates as the API reads
 * and writes them have four-digit years.
 */
export const DATE_RANGE = {
  firstDay: "0001-01-01",
  lastDay: "9999-12-31",
  firstInstant: "0001-01-01T00:00:00.000Z",
  lastInstant: "9999-12-31T23:59:59.999Z",
} as const;

const FIRST_INSTANT_MS = Date.parse(DATE_RANGE.firstInstant);
const LAST_INSTANT_MS = Date.parse(DATE_RANGE.lastInstant);

/** Whether `date` is a valid instant within DATE_RANGE. */
export function isHeldInstant(date: Date): boolean {
  const ms = date.getTime();
  return ms >= FIRST_INSTANT_MS && ms <= LAST_INSTANT_MS;
}

/**
 * Whether `text` is a real ISO day within DATE_RANGE ("2025-04-14"; not "2025-02-31", which Date.parse
 * would roll into March, nor "0000-01-01").
 */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text < DATE_RANGE.firstDay) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** In a string read as code points, a surrogate is one without its pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The first string or key in a JSON value (or the string itself) that holds a lone UTF-16 surrogate: JSON
 * may escape one ("\ud800") though it is no character, and neither UTF-8 nor PostgreSQL text or jsonb can
 * hold it. Undefined when there is none. Walked without recursion, however deep the value nests.
 */
export function findLoneSurrogate(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (LONE_SURROGATE.test(item)) return item;
    } else if (Array.isArray(item)) {
      for (const child of item) pending.push(child);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return key;
        pending.push(child);
      }
    }
  }
  return undefined;
}

/** Unix seconds to an ISO day ("2025-04-14"). */
export function unixSecondsToIsoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** A decimal string in plain notation without trailing zeros ("1e-2" → "0.01", "0.400" → "0.4"). */
export function normalizeDecimal(text: string): string {
  return new Decimal(text).toFixed();
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "May 2024" → "2024-05"; undefined when the text is not a month name and a year. */
export function monthYearToIso(text: string): string | undefined {
  const match = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.findIndex((m) => m.startsWith(match[1].toLowerCase()) && match[1].length >= 3);
  return month < 0 ? undefined : `${match[2]}-${String(month + 1).padStart(2, "0")}`;
}

/** "128k" → 128000, "1M" → 1000000, "1.5M" → 1500000; undefined when not such a count. */
export function abbreviatedCount(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMbB]?)$/.exec(text.trim());
  if (!match) return undefined;
  const scale = { "": 1, k: 1e3, m: 1e6, b: 1e9 }[match[2].toLowerCase() as "" | "k" | "m" | "b"];
  return Math.round(Number(match[1]) * scale);
}

/** Modality names as the catalog keeps them: lower-case, each once, sorted ("Text,Image" → ["image", "text"]). */
export function modalityList(names: string[]): string[] {
  return [...new Set(names.filter((n) => n !== "").map((n) => n.toLowerCase()))].sort();
}
