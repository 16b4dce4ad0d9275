import Decimal from "decimal.js";
import { utc } from "../../db/sqlText";
import type { OfferingView, PriceView } from "../views";

export const OFFERING_COLUMNS = `o.id, o."providerId", o."modelId", o."providerModelId", o.name, o."contextWindow", o."maxInputTokens",
  o."maxOutputTokens", o."billingTierThresholds", o."deploymentTypes", o.regions, o.status::text AS status,
  o."deprecationDate"::text AS "deprecationDate", o."retirementDate"::text AS "retirementDate", o.version`;

export const PRICE_COLUMNS = `p.id, p."offeringId", p.kind::text AS kind, p.unit::text AS unit, p.mode::text AS mode, p."contextAbove",
  p."tierRule"::text AS "tierRule", p.amount::text AS amount, p.currency, ${utc('p."validFrom"')} AS "validFrom", ${utc('p."validTo"')} AS "validTo", p."sourceId", p.reason, p.version`;

export function toOfferingView(row: Record<string, unknown>): OfferingView {
  const view = row as unknown as OfferingView;
  return { ...view, billingTierThresholds: view.billingTierThresholds ?? [] };
}

export function toPriceView(row: Record<string, unknown>): PriceView {
  const view = row as unknown as PriceView;
  return { ...view, amount: new Decimal(view.amount).toFixed(), validFrom: asDate(row.validFrom)!, validTo: asDate(row.validTo) };
}

function asDate(value: unknown): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(String(value));
}
