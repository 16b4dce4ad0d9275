import Decimal from "decimal.js";
import type { Comparison } from "./precedence";

/** A value with how exact its source gave it. */
export interface QualifiedValue {
  value: unknown;
  /** "rounded" for a display-rounded count; "year" / "month" / "day" for dates. */
  precision?: string | null;
  /** For a rounded count, the unit of the last digit shown. */
  step?: number | null;
}

// When two values agree (the rules of issue 12, item 4):
// - levels: CORE and SUPPORTED both say "supported"; CORE (Starmap's "part of the core API") is kept;
// - counts: equal; or a rounded display covering the exact count; or two exact counts within 0.1 % of the
//   larger (262,142 and 262,144; 1,047,576 and 1,048,576); or n × 1,000 against n × 1,024 (and n × 1,000,000
//   against n × 1,048,576): the same "128k" read in decimal or binary units;
// - dates: a month agrees with every day inside it, a year with every day inside it; a first of the month
//   is how sources pad a month (Starmap writes 2024-04 as 2024-04-01), so it agrees with every day of its
//   month and is only as exact as a month: precision follows the evidence;
// - prices: equal as exact decimals in one currency, or one is the other rounded half-up to its own
//   decimal places, when it keeps at least two (OpenRouter's listing shows 0.98 where models.dev copies
//   0.975; 0.03 for 0.029); a price with one decimal or none (0.4 against 0.375) is never a rounding;
// - lists: compared as sets, after documented synonyms (OpenRouter's "file" input is a PDF document,
//   models.dev's "pdf").

/** Two exact counts this close (relative to the larger) are one count rounded differently. */
export const COUNT_TOLERANCE = 0.001;

/**
 * Synonyms in lists, each documented by the source that uses it: OpenRouter's `input_modalities` "file"
 * is its PDF and document input, which models.dev calls "pdf".
 */
export const LIST_SYNONYMS: Readonly<Record<string, string>> = { file: "pdf" };

const LEVEL_STRENGTH: Readonly<Record<string, number>> = { NOT_SUPPORTED: 0, SUPPORTED: 1, CORE: 2 };

/**
 * Whether two sources' values say the same thing: equal, or one is a coarser statement of the other
 * ("1.0M" of 1,047,576; "2024-04" of 2024-04-01), within the rules above. Free text never disagrees.
 */
export function valuesAgree(a: QualifiedValue, b: QualifiedValue, comparison: Comparison): boolean {
  switch (comparison) {
    case "text":
      return true;
    case "count":
      return countsAgree(a, b);
    case "date":
      return datesAgree(a.value, b.value);
    case "set":
      return setsAgree(a.value, b.value);
    case "price":
      return pricesAgree(a.value, b.value);
    case "level":
      return levelsAgree(a.value, b.value);
    case "exact":
      return exactAgree(a.value, b.value);
  }
}

/**
 * Whether `older` is a past statement of what `current` states now, not a disagreement with it: a
 * price in force from an earlier date (`since`) than the chosen one's. Starmap's table keeps Cerebras'
 * 0.25 from 2025-08-05 where models.dev has 0.35 from 2026-06-10: the price changed. A candidate with
 * a later date than the chosen price is never superseded (the chosen price may be the stale one).
 */
export function superseded(older: QualifiedValue, current: QualifiedValue, comparison: Comparison): boolean {
  if (comparison !== "price") return false;
  const since = (v: unknown) => (v as { since?: unknown } | null)?.since;
  const [was, now] = [since(older.value), since(current.value)];
  return typeof was === "string" && typeof now === "string" && was < now;
}

/**
 * Which of two agreeing values to keep, higher first: the more exact evidence (an exact count over a
 * rounded one, a day over a month, where a padded first of the month is a month), then the value that
 * claims no more than its evidence (the month "2024-04" over the padded "2024-04-01"), then the stronger
 * level (CORE over SUPPORTED). Returns a tuple to compare element by element.
 */
export function preference(v: QualifiedValue, comparison: Comparison): readonly number[] {
  if (comparison === "level") return [LEVEL_STRENGTH[String(v.value)] ?? 0];
  if (comparison === "date" && typeof v.value === "string") {
    const evidence = dateEvidence(v.value);
    return [evidence, evidence === exactness(v) ? 1 : 0];
  }
  return [exactness(v)];
}

/** Higher is more exact: an exact count over a rounded one, a day over a month over a year. */
export function exactness(v: QualifiedValue): number {
  switch (v.precision) {
    case "rounded":
      return 0;
    case "year":
      return 1;
    case "month":
      return 2;
    default:
      return 3;
  }
}

function countsAgree(a: QualifiedValue, b: QualifiedValue): boolean {
  if (Array.isArray(a.value) || Array.isArray(b.value)) return setsAgree(a.value, b.value);
  if (typeof a.value !== "number" || typeof b.value !== "number") return exactAgree(a.value, b.value);
  if (a.value === b.value) return true;
  const rounded = a.precision === "rounded" ? a : b.precision === "rounded" ? b : undefined;
  if (!rounded) return exactCountsAgree(a.value, b.value);
  const other = rounded === a ? b : a;
  return roundedCovers(rounded.value as number, rounded.step ?? 1, other.value as number);
}

/**
 * Whether a display like "32k" (32000, step 1000) or "1.0M" (1000000, step 100000) could be showing
 * `exact`: within one step, in decimal units or in the binary ones (1k = 1024) generators also use.
 */
function roundedCovers(shown: number, step: number, exact: number): boolean {
  if (Math.abs(exact - shown) <= step) return true;
  const binaryScale = step >= 100_000 ? 1.048576 : step >= 100 ? 1.024 : 1;
  return Math.abs(exact - shown * binaryScale) <= step * binaryScale;
}

/** Within COUNT_TOLERANCE of the larger, or the same n thousands (millions) in decimal and binary units. */
function exactCountsAgree(a: number, b: number): boolean {
  const larger = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= larger * COUNT_TOLERANCE) return true;
  const sameMultiple = (decimal: number, binary: number) =>
    (a % decimal === 0 && b % binary === 0 && a / decimal === b / binary) || (b % decimal === 0 && a % binary === 0 && b / decimal === a / binary);
  return sameMultiple(1000, 1024) || sameMultiple(1_000_000, 1_048_576);
}

/** How exact a date's evidence is: a first of the month (how sources pad a month) is only a month. */
function dateEvidence(iso: string): number {
  if (iso.length === 4) return 1;
  if (iso.length === 7 || iso.endsWith("-01")) return 2;
  return 3;
}

/** The date as exact as its evidence: "2024-04-01" → "2024-04". */
function evidencedDate(iso: string): string {
  return iso.length === 10 && iso.endsWith("-01") ? iso.slice(0, 7) : iso;
}

function datesAgree(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return exactAgree(a, b);
  const [ea, eb] = [evidencedDate(a), evidencedDate(b)];
  const shorter = ea.length <= eb.length ? ea : eb;
  const longer = shorter === ea ? eb : ea;
  return longer.startsWith(shorter);
}

function setsAgree(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return exactAgree(a, b);
  const normal = (x: unknown) => {
    const lower = String(x).toLowerCase();
    return LIST_SYNONYMS[lower] ?? lower;
  };
  const left = new Set(a.map(normal));
  const right = new Set(b.map(normal));
  return left.size === right.size && [...left].every((x) => right.has(x));
}

function levelsAgree(a: unknown, b: unknown): boolean {
  const supported = (v: unknown) => v === "CORE" || v === "SUPPORTED";
  return (supported(a) && supported(b)) || exactAgree(a, b);
}

function pricesAgree(a: unknown, b: unknown): boolean {
  const pa = a as { amount?: string; currency?: string } | null;
  const pb = b as { amount?: string; currency?: string } | null;
  if (!pa?.amount || !pb?.amount) return exactAgree(a, b);
  if (pa.currency !== pb.currency) return false;
  const left = new Decimal(pa.amount);
  const right = new Decimal(pb.amount);
  if (left.equals(right)) return true;
  const shorter = left.decimalPlaces() <= right.decimalPlaces() ? left : right;
  const longer = shorter === left ? right : left;
  const places = shorter.decimalPlaces();
  return places >= PRICE_ROUNDING_MIN_PLACES && longer.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).equals(shorter);
}

/** A price shown with fewer decimal places than this is never read as a rounding of another. */
const PRICE_ROUNDING_MIN_PLACES = 2;

function exactAgree(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a.trim().toLowerCase() === b.trim().toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}
