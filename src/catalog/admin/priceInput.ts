import Decimal from "decimal.js";
import { isOneOf, PRICE_KINDS, PRICE_MODES, PRICE_UNITS } from "../../ingest/observation";
import { ValidationError } from "../errors";
import { MAX_PRICE_AMOUNT, PRICE_PLACES } from "../load/priceAmount";
import type { PriceKind, PriceMode, PriceUnit } from "../views";
import { defaultUnit } from "../models/modelFilter";

/** An admin's new price for one slot of an offering. */
export interface PriceInput {
  offeringId: string;
  kind: PriceKind;
  unit?: PriceUnit | null;
  mode?: PriceMode | null;
  /** The tier: prompts above this many tokens; 0 (the default) for the base tier. */
  contextAbove?: number | null;
  amount: string;
  currency: string;
  /** When the new price takes effect; now by default. Not in the future, not before the current price's start. */
  effectiveFrom?: Date | null;
  reason?: string | null;
  /** The version of the current price row the admin read; a different current version is a conflict. */
  expectedVersion?: number | null;
}

export interface ValidPriceInput {
  offeringId: string;
  kind: PriceKind;
  unit: PriceUnit;
  mode: PriceMode;
  contextAbove: number;
  amount: string;
  currency: string;
  effectiveFrom: Date | null;
  reason: string | null;
  expectedVersion: number | null;
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const MAX_REASON = 1000;

/**
 * Checks an admin's price and fills its defaults. Throws a ValidationError whose field is `path`
 * plus the field at fault ("input.amount", "inputs[3].currency").
 */
export function validatePriceInput(input: PriceInput, path: string): ValidPriceInput {
  const fail = (field: string, message: string): never => {
    throw new ValidationError(`${path}.${field} ${message}`, `${path}.${field}`);
  };
  if (typeof input.offeringId !== "string" || input.offeringId.trim() === "") fail("offeringId", "is required");
  if (!isOneOf(PRICE_KINDS, input.kind)) fail("kind", `must be one of ${PRICE_KINDS.join(", ")}`);
  const unit = input.unit ?? defaultUnit(input.kind);
  if (!isOneOf(PRICE_UNITS, unit)) fail("unit", `must be one of ${PRICE_UNITS.join(", ")}`);
  const mode = input.mode ?? "STANDARD";
  if (!isOneOf(PRICE_MODES, mode)) fail("mode", `must be one of ${PRICE_MODES.join(", ")}`);
  const contextAbove = input.contextAbove ?? 0;
  if (!Number.isSafeInteger(contextAbove) || contextAbove < 0) fail("contextAbove", `must be a whole number of tokens, 0 or more; got ${contextAbove}`);
  const text = typeof input.amount === "string" ? input.amount.trim() : "";
  if (!/^\d+(\.\d+)?$/.test(text)) fail("amount", `must be a non-negative decimal like "0.40"; got ${JSON.stringify(input.amount)}`);
  const amount = new Decimal(text);
  if (amount.decimalPlaces() > PRICE_PLACES) fail("amount", `has more than ${PRICE_PLACES} decimal places`);
  if (amount.greaterThanOrEqualTo(MAX_PRICE_AMOUNT)) fail("amount", `must be less than ${MAX_PRICE_AMOUNT.toFixed()}`);
  const currency = typeof input.currency === "string" ? input.currency.trim().toUpperCase() : "";
  if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency)) fail("currency", `must be an ISO 4217 currency code like "USD"; got ${JSON.stringify(input.currency)}`);
  const effectiveFrom = input.effectiveFrom ?? null;
  if (effectiveFrom && Number.isNaN(effectiveFrom.getTime())) fail("effectiveFrom", "is not a valid date");
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON) fail("reason", `is longer than ${MAX_REASON} characters`);
  const expectedVersion = input.expectedVersion ?? null;
  if (expectedVersion !== null && (!Number.isInteger(expectedVersion) || expectedVersion < 0)) fail("expectedVersion", "must be a whole number");
  return { offeringId: input.offeringId.trim(), kind: input.kind, unit, mode, contextAbove, amount: amount.toFixed(), currency, effectiveFrom, reason, expectedVersion };
}
