import Decimal from "decimal.js";
import type { ParseIssueCode } from "../../ingest/observation";

/** Price.amount is DECIMAL(24,12): at most twelve digits before the point and twelve after it. */
export const PRICE_PLACES = 12;
/** The first amount the column cannot hold (PostgreSQL refuses it: "numeric field overflow"). */
export const MAX_PRICE_AMOUNT = new Decimal("1e12");

/**
 * Why `amount` (a decimal string, in its price's unit) cannot be a price in the catalog, or undefined
 * when it can: not a number, negative, or too large for the column. Every document's prices pass it on
 * their way to becoming facts (documentFacts.ts: the value is left out with an issue, and the price it
 * had stays); an admin's price is held to the same bounds, more strictly, by validatePriceInput.
 */
export function priceAmountIssue(amount: string): { code: ParseIssueCode; message: string } | undefined {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    return { code: "INVALID_NUMBER", message: `price ${JSON.stringify(amount)} is not a number` };
  }
  if (!value.isFinite()) return { code: "INVALID_NUMBER", message: `price ${amount} is not a finite number` };
  if (value.isNegative() && !value.isZero()) return { code: "NEGATIVE_PRICE", message: `price ${amount} is negative` };
  if (value.greaterThanOrEqualTo(MAX_PRICE_AMOUNT)) {
    return { code: "OUT_OF_RANGE", message: `price ${value.toFixed()} is out of range: the catalog holds prices below ${MAX_PRICE_AMOUNT.toFixed()} per unit` };
  }
  return undefined;
}
