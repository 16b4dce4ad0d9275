// Why the candidates of a conflict differ, in coarse classes: enough to tell the noise the reconciler
// could learn to accept (a level against a level that means the same, a rounding, a padded date) from
// real disagreements. The classes are about the values only; who disagrees is conflictDissent.ts.

export const CONFLICT_PATTERNS = {
  LEVEL_ONLY: "CORE against SUPPORTED (both say it is supported)",
  YES_NO: "yes against no (a flag, or a capability supported or not)",
  NUMBERS_CLOSE: "numbers within 1%",
  NUMBERS_APART: "numbers more than 1% apart",
  DATES_CLOSE: "dates within 31 days or in the same month",
  DATES_APART: "dates more than 31 days apart",
  LIST_SUBSET: "lists, one holding the other",
  LISTS_DIFFER: "lists that differ both ways",
  VALUES_DIFFER: "other values that differ",
  NO_DISSENT: "no candidate differs from the value chosen",
} as const;

export type ConflictPattern = keyof typeof CONFLICT_PATTERNS;

const LEVELS = new Set(["CORE", "SUPPORTED", "NOT_SUPPORTED"]);
const SUPPORTED_LEVELS = new Set(["CORE", "SUPPORTED"]);
const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Two numbers this close (relative to the larger) are a rounding, not a disagreement. */
const CLOSE_NUMBERS = 0.01;
const CLOSE_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * The class of a conflict whose chosen value is `chosen` and whose disagreeing candidates say
 * `dissenting`. A class holds only when it holds for every dissenting value ("numbers within 1%" only
 * if all are), so a conflict lands in the class of its furthest candidate.
 */
export function conflictPattern(chosen: unknown, dissenting: readonly unknown[]): ConflictPattern {
  if (dissenting.length === 0) return "NO_DISSENT";
  const all = [chosen, ...dissenting];
  if (all.every((v) => typeof v === "string" && LEVELS.has(v))) {
    return all.every((v) => SUPPORTED_LEVELS.has(v as string)) ? "LEVEL_ONLY" : "YES_NO";
  }
  if (all.every((v) => typeof v === "boolean")) return "YES_NO";
  if (all.every(isNumeric)) {
    const c = Number(chosen);
    return dissenting.every((d) => relativeDifference(c, Number(d)) <= CLOSE_NUMBERS) ? "NUMBERS_CLOSE" : "NUMBERS_APART";
  }
  if (all.every((v) => typeof v === "string" && ISO_DATE.test(v))) {
    return dissenting.every((d) => datesClose(chosen as string, d as string)) ? "DATES_CLOSE" : "DATES_APART";
  }
  if (all.every(Array.isArray)) {
    const c = lowerSet(chosen as unknown[]);
    return dissenting.every((d) => nested(c, lowerSet(d as unknown[]))) ? "LIST_SUBSET" : "LISTS_DIFFER";
  }
  return "VALUES_DIFFER";
}

function isNumeric(v: unknown): boolean {
  return (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && DECIMAL.test(v));
}

/** |a − b| over the larger magnitude; a ratio to classify by, never shown as a value. */
function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Same month, or at most 31 days apart (a month or year is read as its first day). */
function datesClose(a: string, b: string): boolean {
  if (a.slice(0, 7) === b.slice(0, 7) && a.length >= 7 && b.length >= 7) return true;
  const day = (s: string) => Date.parse(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s);
  return Math.abs(day(a) - day(b)) <= CLOSE_DAYS * DAY_MS;
}

function lowerSet(values: readonly unknown[]): Set<string> {
  return new Set(values.map((v) => String(v).toLowerCase()));
}

function nested(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].every((v) => large.has(v));
}
