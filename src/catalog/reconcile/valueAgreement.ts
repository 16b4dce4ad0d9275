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

/**
 * Whether two sources' values say the same thing: equal, or one is a coarser statement of the other
 * ("1.0M" of 1,047,576; "2024-04" of 2024-04-01). Free text never disagrees.
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
    case "exact":
      return exactAgree(a.value, b.value);
  }
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
  if (!rounded) return false;
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

function datesAgree(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return exactAgree(a, b);
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  return longer.startsWith(shorter);
}

function setsAgree(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return exactAgree(a, b);
  const left = new Set(a.map((x) => String(x).toLowerCase()));
  const right = new Set(b.map((x) => String(x).toLowerCase()));
  return left.size === right.size && [...left].every((x) => right.has(x));
}

function pricesAgree(a: unknown, b: unknown): boolean {
  const pa = a as { amount?: string; currency?: string } | null;
  const pb = b as { amount?: string; currency?: string } | null;
  if (!pa?.amount || !pb?.amount) return exactAgree(a, b);
  return pa.currency === pb.currency && new Decimal(pa.amount).equals(pb.amount);
}

function exactAgree(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a.trim().toLowerCase() === b.trim().toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}
