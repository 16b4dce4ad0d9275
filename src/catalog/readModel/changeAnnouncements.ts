import type { SqlSession } from "../../db/database";
import { MAX_NOTIFY_PAYLOAD_BYTES, notify } from "../../db/notifications";

/** The PostgreSQL channel every instance (and `npm run import`) announces committed catalog changes on. */
export const CATALOG_CHANNEL = "catalog_changes";

/**
 * A committed change to the catalog, as writers announce it:
 * - `prices`: admin price writes, as [offering id, new price row id] pairs (patched into the snapshot);
 * - `documents`: a load of documents, with the price slots it changed (a rebuild);
 * - `records`: record edits, overrides, retirements (a rebuild).
 */
export type CatalogChange =
  | { kind: "prices"; prices: [offeringId: string, priceId: string][]; actorName: string | null }
  | { kind: "documents"; priceSlots: string[]; actorName: string | null }
  | { kind: "records" };

/** The wire form: the origin instance, the kind, the actor, and one chunk of the change's items. */
interface Announcement {
  o: string;
  k: CatalogChange["kind"];
  a?: string | null;
  i?: unknown[];
}

/**
 * Splits a change into notifications under PostgreSQL's payload limit. Each chunk is a complete change
 * of its own (a rebuild is idempotent and a patch is per offering), so chunks need no reassembly.
 */
export function announcements(origin: string, change: CatalogChange): string[] {
  if (change.kind === "records") return [JSON.stringify({ o: origin, k: "records" } satisfies Announcement)];
  const items: unknown[] = change.kind === "prices" ? change.prices : change.priceSlots;
  const head = { o: origin, k: change.kind, a: change.actorName };
  const payloads: string[] = [];
  // A payload's size is its envelope's with no items, plus each item's JSON and a comma between two:
  // counted as items are added, not by serializing the chunk again for each (an import's 14,000 price
  // slots allocated 150 MB that way).
  const emptyBytes = Buffer.byteLength(JSON.stringify({ ...head, i: [] } satisfies Announcement));
  let chunk: unknown[] = [];
  let chunkBytes = emptyBytes;
  const emit = () => payloads.push(JSON.stringify({ ...head, i: chunk } satisfies Announcement));
  for (const item of items) {
    const itemBytes = Buffer.byteLength(JSON.stringify(item));
    if (chunk.length > 0 && chunkBytes + 1 + itemBytes > MAX_NOTIFY_PAYLOAD_BYTES) {
      emit();
      chunk = [];
      chunkBytes = emptyBytes;
    }
    chunkBytes += itemBytes + (chunk.length > 0 ? 1 : 0);
    chunk.push(item);
  }
  if (chunk.length > 0 || payloads.length === 0) emit();
  return payloads;
}

/** Reads a notification back into a change and its origin; undefined for a payload that is not one of ours. */
export function parseAnnouncement(payload: string): { origin: string; change: CatalogChange } | undefined {
  let parsed: Announcement;
  try {
    parsed = JSON.parse(payload) as Announcement;
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed.o !== "string") return undefined;
  const actorName = typeof parsed.a === "string" ? parsed.a : null;
  const items = Array.isArray(parsed.i) ? parsed.i : [];
  switch (parsed.k) {
    case "records":
      return { origin: parsed.o, change: { kind: "records" } };
    case "documents":
      return { origin: parsed.o, change: { kind: "documents", priceSlots: items.filter((s): s is string => typeof s === "string"), actorName } };
    case "prices":
      return {
        origin: parsed.o,
        change: {
          kind: "prices",
          prices: items.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string"),
          actorName,
        },
      };
    default:
      return undefined;
  }
}

/** Announces a change from inside the writer's transaction: delivered to every listener on commit, never on rollback. */
export async function announceChange(tx: SqlSession, origin: string, change: CatalogChange): Promise<void> {
  // All issued before any is awaited (a seed's models.dev group sends 370, one round trip each when
  // awaited in turn); the connection runs them, and PostgreSQL delivers them, in this order.
  await Promise.all(announcements(origin, change).map((payload) => notify(tx, CATALOG_CHANNEL, payload)));
}
