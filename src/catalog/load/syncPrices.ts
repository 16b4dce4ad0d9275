import crypto from "node:crypto";
import Decimal from "decimal.js";
import type { SqlSession } from "../../db/database";
import { deleteRows, insertRows, updateRows } from "../../db/bulkRows";
import { isOneOf, PRICE_KINDS, PRICE_MODES, PRICE_UNITS } from "../../ingest/observation";
import { isIsoDay } from "../../ingest/units";
import { priceAmountIssue } from "./priceAmount";
import type { Decisions } from "./refreshDecisions";
import { entityKey } from "./syncFacts";

interface DesiredPrice {
  offeringId: string;
  kind: string;
  unit: string;
  mode: string;
  contextAbove: number;
  amount: string;
  currency: string;
  sourceId: string | null;
  /** The day the stating document dates the price from, if it does. */
  since: string | null;
}

/** The key of the one current price per offering, kind, unit, mode and tier; see Price.currentSlot. */
export function priceSlot(p: { offeringId: string; kind: string; unit: string; mode: string; contextAbove: number }): string {
  return `${p.offeringId}|${p.kind}|${p.unit}|${p.mode}|${p.contextAbove}`;
}

/** The slot a "price.<kind>.<unit>.<mode>.<contextAbove>" field names, or undefined if malformed. */
function slotOfField(offeringId: string, field: string): Omit<DesiredPrice, "amount" | "currency" | "sourceId" | "since"> | undefined {
  const [prefix, kind, unit, mode, above] = field.split(".");
  if (prefix !== "price" || !isOneOf(PRICE_KINDS, kind) || !isOneOf(PRICE_UNITS, unit) || !isOneOf(PRICE_MODES, mode) || !/^\d+$/.test(above ?? "")) return undefined;
  return { offeringId, kind, unit, mode, contextAbove: Number(above) };
}

/** A decided price field as a price, or undefined if its field or value is malformed. */
function desiredPrice(offeringId: string, field: string, value: unknown, sourceId: string | null): DesiredPrice | undefined {
  const slot = slotOfField(offeringId, field);
  const price = value as { amount?: unknown; currency?: unknown; since?: unknown } | null;
  if (!slot) return undefined;
  if (typeof price?.amount !== "string" || typeof price.currency !== "string" || !/^[A-Z]{3}$/.test(price.currency)) return undefined;
  if (priceAmountIssue(price.amount)) return undefined;
  const since = typeof price.since === "string" && isIsoDay(price.since) ? price.since : null;
  return { ...slot, amount: new Decimal(price.amount).toFixed(), currency: price.currency, sourceId, since };
}

/**
 * Makes the current prices of `offeringIds` match their decided price fields, keeping history: a
 * changed amount closes the current row (validTo = `now`) and opens a new one from `now`; a price no
 * one states any more is closed; an unchanged one is left alone. A price the catalog learns for the
 * first time starts on the day its document dates it (when earlier than `now`), so that past traffic
 * can be priced on a freshly seeded catalog.
 */
export type PriceChange = "created" | "updated" | "closed" | "unchanged";

export async function syncPrices(tx: SqlSession, offeringIds: string[], decisions: Decisions, now: Date): Promise<Map<string, PriceChange>> {
  const changes = new Map<string, PriceChange>();
  if (offeringIds.length === 0) return changes;
  const desired = new Map<string, DesiredPrice>();
  // A decided value that is not a price the catalog can hold leaves its slot as it is: closing the
  // current price would withdraw a price no source withdrew. (The loader already leaves such values
  // out of the facts; this keeps any that reach a decision another way from closing a price.)
  const undecidable = new Set<string>();
  for (const id of offeringIds) {
    for (const [field, d] of decisions.get(entityKey("OFFERING", id)) ?? []) {
      if (!field.startsWith("price.")) continue;
      const price = desiredPrice(id, field, d.value, d.sourceId);
      if (price) desired.set(priceSlot(price), price);
      else {
        const slot = slotOfField(id, field);
        if (slot) undecidable.add(priceSlot(slot));
      }
    }
  }
  const current = await tx.query<{ id: string; offeringId: string; kind: string; unit: string; mode: string; contextAbove: number; amount: string; currency: string; sourceId: string | null; openedNow: boolean }>(
    `SELECT id, "offeringId", kind::text, unit::text, mode::text, "contextAbove", amount::text, currency, "sourceId", "createdAt" = $2::timestamp AS "openedNow"
       FROM "Price" WHERE "offeringId" = ANY($1::text[]) AND "validTo" IS NULL`,
    [offeringIds, now.toISOString()],
  );
  const closing: Record<string, unknown>[] = [];
  // A row opened earlier in this same import (by a source a later one outranks) was never really
  // current: it is replaced, not kept as history.
  const discarding: Record<string, unknown>[] = [];
  // The same amount now credited to a source that outranks the old one: provenance, not a price change.
  const recredited: Record<string, unknown>[] = [];
  for (const row of current) {
    const slot = priceSlot(row);
    if (undecidable.has(slot)) {
      changes.set(slot, "unchanged");
      continue;
    }
    const want = desired.get(slot);
    if (want && want.currency === row.currency && new Decimal(want.amount).equals(row.amount)) {
      desired.delete(slot);
      changes.set(slot, "unchanged");
      if (want.sourceId !== row.sourceId) recredited.push({ id: row.id, sourceId: want.sourceId });
      continue;
    }
    if (row.openedNow) {
      discarding.push({ id: row.id });
      changes.set(slot, want ? "created" : "closed");
    } else {
      closing.push({ id: row.id, slot });
      changes.set(slot, want ? "updated" : "closed");
    }
  }
  for (const slot of desired.keys()) if (!changes.has(slot)) changes.set(slot, "created");

  const at = now.toISOString();
  // Slots with history keep it continuous: their new rows start now. Only a slot never priced before
  // may start on its document's date.
  const closedBefore = new Set(
    (
      await tx.query<{ offeringId: string; kind: string; unit: string; mode: string; contextAbove: number }>(
        `SELECT DISTINCT "offeringId", kind::text, unit::text, mode::text, "contextAbove" FROM "Price" WHERE "offeringId" = ANY($1::text[]) AND "validTo" IS NOT NULL`,
        [offeringIds],
      )
    ).map(priceSlot),
  );
  const replaced = new Set(closing.map((c) => c.slot as string));
  const startOf = (slot: string, since: string | null) => {
    const dated = since ? `${since}T00:00:00.000Z` : null;
    return dated && dated < at && !replaced.has(slot) && !closedBefore.has(slot) ? dated : at;
  };
  await deleteRows(tx, "Price", [{ name: "id", type: "text" }], discarding);
  await updateRows(tx, "Price", [{ name: "id", type: "text" }], [{ name: "sourceId", type: "text" }], recredited);
  await updateRows(tx, "Price", [{ name: "id", type: "text" }], [], closing.map(({ id }) => ({ id })), [`"validTo" = '${at}'::timestamp`, `"currentSlot" = NULL`]);
  await insertRows(
    tx,
    "Price",
    [
      { name: "id", type: "text" },
      { name: "offeringId", type: "text" },
      { name: "kind", type: `"PriceKind"` },
      { name: "unit", type: `"PriceUnit"` },
      { name: "mode", type: `"PriceMode"` },
      { name: "contextAbove", type: "integer" },
      { name: "amount", type: "numeric" },
      { name: "currency", type: "text" },
      { name: "validFrom", type: "timestamp" },
      { name: "createdAt", type: "timestamp" },
      { name: "currentSlot", type: "text" },
      { name: "sourceId", type: "text" },
    ],
    [...desired.entries()].map(([slot, { since, ...p }]) => ({
      ...p,
      id: crypto.randomUUID(),
      validFrom: startOf(slot, since),
      createdAt: at,
      currentSlot: slot,
    })),
  );
  return changes;
}
