import crypto from "node:crypto";
import type { SqlSession } from "../../db/database";
import { issueWrite, type QueuedWrites } from "../../db/queuedWrites";
import {
  closePriceRows,
  currentPriceRecords,
  deletePriceRows,
  insertPriceRows,
  lockOfferingRows,
  setPriceSources,
  slotHistories,
  type NewPriceRow,
  type PriceRecord,
  type PriceSlotColumns,
} from "../../db/priceRepository";

export type { PriceRecord };

/** The key of the one current price per offering, kind, unit, mode and tier; see Price.currentSlot. */
export function priceSlot(p: PriceSlotColumns): string {
  return `${p.offeringId}|${p.kind}|${p.unit}|${p.mode}|${p.contextAbove}`;
}

/** A change of one slot's current price. */
export interface SlotChange {
  slot: PriceSlotColumns;
  /** The price from `at` on, or null to close the slot (no price stated any more). */
  next: { amount: string; currency: string; sourceId: string | null; reason: string | null } | null;
  /** When the current price stops and the next one starts. */
  at: Date;
  /** The next price's start when it is not `at` (a price the catalog learns for the first time may start on its document's date). */
  startsAt?: Date;
}

/**
 * The one writer of price rows, for document loads and admins alike. It is opened inside a transaction
 * on a set of offerings: it locks their rows (every writer locks in the same order, ids as code units,
 * so two writers of overlapping offerings queue instead of deadlocking) and reads their current prices
 * under the lock, so what a caller decides from `current` cannot be changed by another writer before it
 * commits. A change keeps history: the current row is closed when the next opens, and every new row's
 * version is one above the highest its slot ever had, so a version read before any change (an admin's
 * or an import's) is stale after it.
 */
export class PriceWriter {
  private constructor(
    private readonly tx: SqlSession,
    /** The offerings that exist among those asked for. */
    readonly offerings: ReadonlySet<string>,
    private readonly currentBySlot: Map<string, PriceRecord>,
    private readonly currentByOffering: Map<string, Map<string, PriceRecord>>,
    private readonly history: Map<string, { version: number; closed: boolean }>,
    private readonly writes: QueuedWrites | undefined,
  ) {}

  /**
   * Locks the offerings (the ids that do not exist are left out of `offerings`) and reads their prices.
   * With `writes`, its statements are left running in that queue (a load's), not waited for.
   */
  static async open(tx: SqlSession, offeringIds: readonly string[], writes?: QueuedWrites): Promise<PriceWriter> {
    // Issued at once: the transaction's connection runs the reads after the locks are taken (an offering
    // that does not exist has no prices to read).
    const [offerings, current, histories] = await Promise.all([lockOfferingRows(tx, offeringIds), currentPriceRecords(tx, offeringIds), slotHistories(tx, offeringIds)]);
    const writer = new PriceWriter(tx, offerings, new Map(), new Map(), new Map(), writes);
    for (const price of current) writer.setCurrent(priceSlot(price), price);
    for (const h of histories) writer.history.set(priceSlot(h), { version: h.version, closed: h.closed });
    return writer;
  }

  /** The slot's current price, or undefined. */
  current(slot: string): PriceRecord | undefined {
    return this.currentBySlot.get(slot);
  }

  /** The current prices of one of the offerings. */
  currentOf(offeringId: string): PriceRecord[] {
    return [...(this.currentByOffering.get(offeringId)?.values() ?? [])];
  }

  private setCurrent(slot: string, price: PriceRecord | null, offeringId = price?.offeringId): void {
    if (!offeringId) return;
    let ofOffering = this.currentByOffering.get(offeringId);
    if (!ofOffering) this.currentByOffering.set(offeringId, (ofOffering = new Map()));
    if (price) {
      this.currentBySlot.set(slot, price);
      ofOffering.set(slot, price);
    } else {
      this.currentBySlot.delete(slot);
      ofOffering.delete(slot);
    }
  }

  /** Whether the slot has ever had a row closed: a slot with history keeps it continuous. */
  hasClosedRows(slot: string): boolean {
    return this.history.get(slot)?.closed ?? false;
  }

  /**
   * Applies the changes, one per slot, written at `now`: each closes its slot's current row at `at`
   * (or deletes it, if `replacesRowsWrittenAt` is the instant that row was written: a row opened by
   * the same load a moment ago was never really current, and is replaced rather than kept as history),
   * then opens the next price with the slot's next version, starting at `startsAt(change)` when given,
   * else at `at`. Returns the new rows' ids, in the order of `changes` (null where a slot was closed).
   */
  async write(
    changes: readonly SlotChange[],
    now: Date,
    options: { replacesRowsWrittenAt?: Date } = {},
  ): Promise<(string | null)[]> {
    const closing: { id: string; validTo: Date }[] = [];
    const deleting: string[] = [];
    const opening: NewPriceRow[] = [];
    const ids: (string | null)[] = [];
    for (const change of changes) {
      const slot = priceSlot(change.slot);
      const current = this.currentBySlot.get(slot);
      if (current && current.createdAt.getTime() === options.replacesRowsWrittenAt?.getTime()) deleting.push(current.id);
      else if (current) {
        closing.push({ id: current.id, validTo: change.at });
        this.history.set(slot, { version: this.history.get(slot)?.version ?? current.version, closed: true });
      }
      this.setCurrent(slot, null, change.slot.offeringId);
      if (!change.next) {
        ids.push(null);
        continue;
      }
      const version = (this.history.get(slot)?.version ?? 0) + 1;
      const row: NewPriceRow = {
        offeringId: change.slot.offeringId,
        kind: change.slot.kind,
        unit: change.slot.unit,
        mode: change.slot.mode,
        contextAbove: change.slot.contextAbove,
        amount: change.next.amount,
        currency: change.next.currency,
        sourceId: change.next.sourceId,
        reason: change.next.reason,
        id: crypto.randomUUID(),
        validFrom: change.startsAt ?? change.at,
        createdAt: now,
        currentSlot: slot,
        version,
      };
      opening.push(row);
      ids.push(row.id);
      this.history.set(slot, { version, closed: this.history.get(slot)?.closed ?? false });
      this.setCurrent(slot, { ...row, tierRule: "WHOLE_REQUEST", validTo: null });
    }
    // Issued together, in this order: a slot's row is closed before its next one opens (currentSlot is unique).
    await issueWrite(Promise.all([deletePriceRows(this.tx, deleting), closePriceRows(this.tx, closing), insertPriceRows(this.tx, opening)]), this.writes);
    return ids;
  }

  /** Credits current prices to another source without changing them (no new row, no new version). */
  async credit(changes: readonly { slot: string; sourceId: string | null }[]): Promise<void> {
    const rows = changes.flatMap(({ slot, sourceId }) => {
      const current = this.currentBySlot.get(slot);
      if (!current) return [];
      current.sourceId = sourceId;
      return [{ id: current.id, sourceId }];
    });
    await issueWrite(setPriceSources(this.tx, rows), this.writes);
  }
}
