import Decimal from "decimal.js";
import { deleteRows, insertRows, updateRows } from "./bulkRows";
import type { SqlSession } from "./database";
import { utc } from "./sqlText";
import { tableColumns } from "./tableColumns";

// The price writer's statements (src/catalog/prices/priceWriter.ts), all inside a writer's transaction
// on its SqlSession: the lock must be taken on the connection that then reads and writes, which the
// Prisma client's own transactions cannot share with the loader's bulk statements. Rows go in and out
// in bulk (JSON recordsets), one round trip per statement for a whole seed's offerings: row by row,
// the seed's 14,000 prices took minutes (see bulkRows.ts).

/** A price row's slot: the one current price per offering, kind, unit, mode and tier. */
export interface PriceSlotColumns {
  offeringId: string;
  kind: string;
  unit: string;
  mode: string;
  contextAbove: number;
}

/** A price row as a writer reads it: every column, dates as Date, the amount as exact decimal text without trailing zeros ("0.4"). */
export interface PriceRecord extends PriceSlotColumns {
  id: string;
  tierRule: string;
  amount: string;
  currency: string;
  validFrom: Date;
  validTo: Date | null;
  sourceId: string | null;
  reason: string | null;
  version: number;
  /** When the row was written (the writer's instant, not the price's start). */
  createdAt: Date;
}

/** What a slot has held: its highest version (current or closed) and whether a row of it was ever closed. */
export interface SlotHistory extends PriceSlotColumns {
  version: number;
  closed: boolean;
}

/** A new current row of a slot. */
export interface NewPriceRow extends PriceSlotColumns {
  id: string;
  amount: string;
  currency: string;
  validFrom: Date;
  createdAt: Date;
  currentSlot: string;
  sourceId: string | null;
  reason: string | null;
  version: number;
}

const RECORD_COLUMNS = `p.id, p."offeringId", p.kind::text AS kind, p.unit::text AS unit, p.mode::text AS mode, p."contextAbove",
  p."tierRule"::text AS "tierRule", p.amount::text AS amount, p.currency, ${utc('p."validFrom"')} AS "validFrom", ${utc('p."validTo"')} AS "validTo",
  p."sourceId", p.reason, p.version, ${utc('p."createdAt"')} AS "createdAt"`;

type RawRecord = Omit<PriceRecord, "validFrom" | "validTo" | "createdAt"> & { validFrom: string; validTo: string | null; createdAt: string };

function toRecord(row: RawRecord): PriceRecord {
  return { ...row, amount: new Decimal(row.amount).toFixed(), validFrom: new Date(row.validFrom), validTo: row.validTo === null ? null : new Date(row.validTo), createdAt: new Date(row.createdAt) };
}

/**
 * Locks the rows of these offerings until the transaction ends, in one statement and in the order of
 * their ids as code units (COLLATE "C"), the one order every price writer takes them in. Returns the ids
 * that exist.
 */
export async function lockOfferingRows(tx: SqlSession, offeringIds: readonly string[]): Promise<Set<string>> {
  if (offeringIds.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>(`SELECT id FROM "Offering" WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C" FOR UPDATE`, [[...new Set(offeringIds)]]);
  return new Set(rows.map((r) => r.id));
}

/** The current price rows of these offerings. */
export async function currentPriceRecords(tx: SqlSession, offeringIds: readonly string[]): Promise<PriceRecord[]> {
  if (offeringIds.length === 0) return [];
  const rows = await tx.query<RawRecord>(`SELECT ${RECORD_COLUMNS} FROM "Price" p WHERE p."offeringId" = ANY($1::text[]) AND p."validTo" IS NULL`, [offeringIds]);
  return rows.map(toRecord);
}

/** Per slot of these offerings that ever had a price: its highest version and whether it has closed rows. */
export async function slotHistories(tx: SqlSession, offeringIds: readonly string[]): Promise<SlotHistory[]> {
  if (offeringIds.length === 0) return [];
  return tx.query<SlotHistory>(
    `SELECT "offeringId", kind::text AS kind, unit::text AS unit, mode::text AS mode, "contextAbove", max(version) AS version, bool_or("validTo" IS NOT NULL) AS closed
       FROM "Price" WHERE "offeringId" = ANY($1::text[]) GROUP BY 1, 2, 3, 4, 5`,
    [offeringIds],
  );
}

/** The price rows with these ids. */
export async function priceRecordsById(tx: SqlSession, ids: readonly string[]): Promise<PriceRecord[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<RawRecord>(`SELECT ${RECORD_COLUMNS} FROM "Price" p WHERE p.id = ANY($1::text[])`, [ids]);
  return rows.map(toRecord);
}

/** Ends current rows: each stops at its `validTo` and no longer holds its slot. */
export async function closePriceRows(tx: SqlSession, rows: readonly { id: string; validTo: Date }[]): Promise<void> {
  await updateRows(
    tx,
    "Price",
    tableColumns("Price", ["id"]),
    tableColumns("Price", ["validTo"]),
    rows.map((r) => ({ id: r.id, validTo: r.validTo.toISOString() })),
    [`"currentSlot" = NULL`],
  );
}

export async function deletePriceRows(tx: SqlSession, ids: readonly string[]): Promise<void> {
  await deleteRows(tx, "Price", tableColumns("Price", ["id"]), ids.map((id) => ({ id })));
}

/** Credits rows to another source (the same amount, now stated by a document that outranks the old one). */
export async function setPriceSources(tx: SqlSession, rows: readonly { id: string; sourceId: string | null }[]): Promise<void> {
  await updateRows(tx, "Price", tableColumns("Price", ["id"]), tableColumns("Price", ["sourceId"]), rows);
}

export async function insertPriceRows(tx: SqlSession, rows: readonly NewPriceRow[]): Promise<void> {
  await insertRows(
    tx,
    "Price",
    tableColumns("Price", [
      "id",
      "offeringId",
      "kind",
      "unit",
      "mode",
      "contextAbove",
      "amount",
      "currency",
      "validFrom",
      "createdAt",
      "currentSlot",
      "sourceId",
      "reason",
      "version",
    ] as const satisfies readonly (keyof NewPriceRow)[]),
    rows.map((r) => ({ ...r, validFrom: r.validFrom.toISOString(), createdAt: r.createdAt.toISOString() })),
  );
}
