// Reading one typed value from a (possibly inherited) models.dev file: a bad value becomes an issue with its
// locator and no fact, never an exception.

import type { CapabilityLevel, LifecycleStatus, ParseIssue, Stated } from "../observation";
import { isIsoDay, modalityList } from "../units";
import { exactDecimal } from "./modelsDevPrices";
import type { InheritedToml } from "./inheritedToml";
import type { KeyPath } from "./tomlLiterals";

/** models.dev's `status` values; a model without one is simply not flagged, which is not a stated ACTIVE. */
const STATUSES: Record<string, LifecycleStatus> = {
  alpha: "PREVIEW",
  beta: "PREVIEW",
  preview: "PREVIEW",
  active: "ACTIVE",
  deprecated: "DEPRECATED",
  retired: "RETIRED",
};

export class ValueReader {
  constructor(
    readonly source: InheritedToml,
    readonly issues: ParseIssue[],
  ) {}

  text(path: KeyPath): Stated<string> | undefined {
    const value = this.source.get(path);
    if (value === undefined) return undefined;
    if (typeof value === "string" && value.trim() !== "") return { value: value.trim(), locator: this.source.locator(path) };
    this.problem("UNKNOWN_VALUE", `expected a non-empty string, got ${describe(value)}`, path);
    return undefined;
  }

  textList(path: KeyPath): Stated<string[]> | undefined {
    const value = this.source.get(path);
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      return { value: value.map((v) => v.trim()).filter((v) => v !== ""), locator: this.source.locator(path) };
    }
    this.problem("UNKNOWN_VALUE", `expected a list of strings, got ${describe(value)}`, path);
    return undefined;
  }

  boolean(path: KeyPath): Stated<boolean> | undefined {
    const value = this.source.get(path);
    if (value === undefined) return undefined;
    if (typeof value === "boolean") return { value, locator: this.source.locator(path) };
    this.problem("UNKNOWN_VALUE", `expected true or false, got ${describe(value)}`, path);
    return undefined;
  }

  /** A flag as a capability level: true → SUPPORTED, false → NOT_SUPPORTED. */
  capability(path: KeyPath): Stated<CapabilityLevel> | undefined {
    const flag = this.boolean(path);
    return flag && { value: flag.value ? "SUPPORTED" : "NOT_SUPPORTED", locator: flag.locator, raw: String(flag.value) };
  }

  /** "2024-04" (month precision) or "2024-04-01" (day precision); a TOML date is read as its day. */
  date(path: KeyPath): Stated<string> | undefined {
    const value = this.source.get(path);
    if (value === undefined) return undefined;
    const locator = this.source.locator(path);
    if (typeof value === "string") {
      const text = value.trim();
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return { value: text, locator, precision: "month" };
      if (isIsoDay(text)) return { value: text, locator, precision: "day" };
    } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
      const raw = value.toISOString();
      const day = raw.slice(0, 10);
      return raw === day ? { value: day, locator, precision: "day" } : { value: day, locator, raw, precision: "day" };
    }
    this.problem("INVALID_DATE", `expected a date as "YYYY-MM" or "YYYY-MM-DD", got ${describe(value)}`, path);
    return undefined;
  }

  /**
   * A token count. models.dev writes 0 where no token limit applies (image, speech and video models), so
   * 0 states nothing rather than a zero-token limit; a negative or fractional count is an issue.
   */
  count(path: KeyPath): Stated<number> | undefined {
    const value = this.source.get(path);
    if (value === undefined || value === 0) return undefined;
    if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) {
      const raw = this.source.literal(path);
      return raw !== undefined && raw !== String(value) ? { value, locator: this.source.locator(path), raw } : { value, locator: this.source.locator(path) };
    }
    this.problem("INVALID_NUMBER", `expected a positive whole number of tokens, got ${this.source.literal(path) ?? describe(value)}`, path);
    return undefined;
  }

  /** An exact decimal string of a number (a benchmark score). */
  decimal(path: KeyPath): string | undefined {
    const value = this.source.get(path);
    const amount = exactDecimal(value, this.source.literal(path));
    if (amount === undefined) this.problem("INVALID_NUMBER", `expected a number, got ${describe(value)}`, path);
    return amount;
  }

  status(path: KeyPath): Stated<LifecycleStatus> | undefined {
    const value = this.source.get(path);
    if (value === undefined) return undefined;
    const status = typeof value === "string" ? STATUSES[value.trim().toLowerCase()] : undefined;
    if (status) return { value: status, locator: this.source.locator(path), raw: value as string };
    this.problem("UNKNOWN_VALUE", `unknown status ${describe(value)}`, path);
    return undefined;
  }

  /** Modality names, lower-cased, each once, sorted. */
  modalities(path: KeyPath): Stated<string[]> | undefined {
    const list = this.textList(path);
    return list && { value: modalityList(list.value), locator: list.locator };
  }

  problem(code: ParseIssue["code"], message: string, path: KeyPath): void {
    this.issues.push({ code, message, locator: this.source.locator(path) });
  }
}

function describe(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? String(value);
}
