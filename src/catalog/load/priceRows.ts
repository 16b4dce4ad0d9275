import Decimal from "decimal.js";
import { utc } from "../../db/sqlText";
import type { PriceView } from "../views";

/** The SELECT list of a price row (on "Price" p) as PriceView wants it, for writers inside a transaction. */
export const PRICE_COLUMNS = `p.id, p."offeringId", p.kind::text AS kind, p.unit::text AS unit, p.mode::text AS mode, p."contextAbove",
  p."tierRule"::text AS "tierRule", p.amount::text AS amount, p.currency, ${utc('p."validFrom"')} AS "validFrom", ${utc('p."validTo"')} AS "validTo", p."sourceId", p.reason, p.version`;

/** A row read with PRICE_COLUMNS as a PriceView. */
export function toPriceRowView(row: Record<string, unknown>): PriceView {
  const view = row as unknown as PriceView;
  return {
    ...view,
    amount: new Decimal(view.amount).toFixed(),
    validFrom: new Date(String(row.validFrom)),
    validTo: row.validTo == null ? null : new Date(String(row.validTo)),
  };
}
