// Prices on Starmap pages: the provider page's "Token Pricing" and "Operation Pricing" tables, and the
// "$in / $out" cell of an author page's Provider Availability table. The cost calculator and example
// tables are arithmetic on these prices, not prices, and are not read.

import type { ParseIssue, PriceKind, PriceObservation, PriceUnit } from "../observation";
import { plainText, sectionTables, type Heading, type Line, type MarkdownPage } from "./markdownPage";
import { at, isBlankValue, money, PER_UNITS, PRICE_COLUMNS, type Money } from "./starmapValues";

/** The generator knows no tiers: every price it writes is the base tier, standard mode. */
const BASE_TIER = { mode: "STANDARD", contextAbove: 0 } as const;

/** The prices of the price tables under the page's Pricing heading: tables whose every column is a price. */
export function readPriceTables(page: MarkdownPage, pricing: Heading, issues: ParseIssue[]): PriceObservation[] {
  const prices: PriceObservation[] = [];
  for (const table of sectionTables(page, pricing)) {
    const columns = table.header.map((h) => plainText(h).toLowerCase());
    if (columns.length === 0 || !columns.every((c) => c in PRICE_COLUMNS)) continue;
    for (const row of table.rows) {
      columns.forEach((column, i) => {
        const cell = row.cells[i] ?? "";
        const priced = PRICE_COLUMNS[column];
        const stated = money(cell, row.line, issues, `${table.header[i]} price`);
        if (!stated) return;
        if (!priced) {
          issues.push({ code: "UNKNOWN_VALUE", message: `the catalog has no price kind for "${table.header[i]}": "${cell}"`, locator: at(row.line) });
          return;
        }
        const price = priceOf(stated, priced.kind, priced.unit, row.line, issues);
        if (price) prices.push(price);
      });
    }
  }
  return prices;
}

/** "$0.40 / $1.60": the input and output prices per 1M tokens of a Provider Availability row. */
export function readInputOutputCell(cell: string, line: Line, issues: ParseIssue[]): PriceObservation[] {
  const text = cell.trim();
  const parts = text.split(/\s+\/\s+/);
  if (parts.length !== 2) {
    if (!isBlankValue(text)) {
      issues.push({ code: "INVALID_NUMBER", message: `expected "$input / $output", got "${text}"`, locator: at(line) });
    }
    return [];
  }
  const prices: PriceObservation[] = [];
  (["INPUT", "OUTPUT"] as const).forEach((kind, i) => {
    const stated = money(parts[i], line, issues, `${kind.toLowerCase()} price`);
    const price = stated && priceOf(stated, kind, "PER_1M_TOKENS", line, issues);
    if (price) prices.push(price);
  });
  return prices;
}

function priceOf(stated: Money, kind: PriceKind, defaultUnit: PriceUnit, line: Line, issues: ParseIssue[]): PriceObservation | undefined {
  const unit = stated.per === "" ? defaultUnit : PER_UNITS[stated.per.toLowerCase()];
  if (!unit) {
    issues.push({ code: "UNKNOWN_VALUE", message: `unknown price unit "/${stated.per}": "${stated.raw}"`, locator: at(line) });
    return undefined;
  }
  const price: PriceObservation = { kind, unit, ...BASE_TIER, amount: stated.amount, currency: stated.currency, locator: at(line) };
  if (stated.raw !== stated.amount) price.raw = stated.raw;
  return price;
}
