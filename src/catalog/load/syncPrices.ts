import Decimal from "decimal.js";
import { isOneOf, PRICE_KINDS, PRICE_MODES, PRICE_UNITS } from "../../ingest/observation";
import { isIsoDay } from "../../ingest/units";
import { priceSlot, type PriceWriter, type SlotChange } from "../prices/priceWriter";
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

export type PriceChange = "created" | "updated" | "closed" | "unchanged";

/**
 * Makes the current prices of `offeringIds` match their decided price fields through `writer` (opened
 * on these offerings), keeping history: a changed amount closes the current row and opens a new one
 * from `now`; a price no one states any more is closed; an unchanged one is left alone. A price the
 * catalog learns for the first time starts on the day its document dates it (when earlier than `now`),
 * so that past traffic can be priced on a freshly seeded catalog. A row this same load opened (by a
 * source a later group outranks) is replaced, not kept as history.
 */
export async function syncPrices(writer: PriceWriter, offeringIds: string[], decisions: Decisions, now: Date): Promise<Map<string, PriceChange>> {
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
  const writes: SlotChange[] = [];
  // The same amount now credited to a source that outranks the old one: provenance, not a price change.
  const recredited: { slot: string; sourceId: string | null }[] = [];
  const at = now.getTime();
  for (const row of offeringIds.flatMap((id) => writer.currentOf(id))) {
    const slot = priceSlot(row);
    if (undecidable.has(slot)) {
      changes.set(slot, "unchanged");
      continue;
    }
    const want = desired.get(slot);
    if (want && want.currency === row.currency && new Decimal(want.amount).equals(row.amount)) {
      desired.delete(slot);
      changes.set(slot, "unchanged");
      if (want.sourceId !== row.sourceId) recredited.push({ slot, sourceId: want.sourceId });
      continue;
    }
    const replaced = row.createdAt.getTime() === at;
    changes.set(slot, want ? (replaced ? "created" : "updated") : "closed");
    if (!want) writes.push({ slot: row, next: null, at: now });
  }
  for (const [slot, want] of desired) {
    if (!changes.has(slot)) changes.set(slot, "created");
    // Slots with history keep it continuous: their new rows start now. Only a slot never priced before
    // (or priced only by this same load) may start on its document's date.
    const dated = want.since ? new Date(`${want.since}T00:00:00.000Z`) : null;
    const continues = changes.get(slot) === "updated" || writer.hasClosedRows(slot);
    const startsAt = dated && dated.getTime() < at && !continues ? dated : undefined;
    writes.push({ slot: want, next: { amount: want.amount, currency: want.currency, sourceId: want.sourceId, reason: null }, at: now, startsAt });
  }
  await writer.credit(recredited);
  await writer.write(writes, now, { replacesRowsWrittenAt: now });
  return changes;
}
