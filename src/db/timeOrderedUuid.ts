import crypto from "node:crypto";

// Random UUIDs (v4) as a bulk-loaded table's key put each new row on a random page of the key's index;
// a seed's 168,000 facts then touch most of the index for every chunk. UUIDv7 ids made one after
// another sort in the order they were made, so the rows append at the index's right edge.

let lastMs = 0;
let counter = 0;
/** The first 15 hex digits' time part for `lastMs`, made once per millisecond. */
let timePrefix = "";
let prefixMs = -1;

const COUNTER_HEX = Array.from({ length: 0x1000 }, (_, n) => n.toString(16).padStart(3, "0"));

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix time in milliseconds, the version, a 12-bit counter that orders
 * ids made within one millisecond (the RFC's method 1; when it runs out, the time goes on by one
 * millisecond, so order is kept), then the variant and 62 random bits. Ids from one process increase
 * strictly, also if the clock goes back.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  if (prefixMs !== lastMs) {
    const time = lastMs.toString(16).padStart(12, "0");
    timePrefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
    prefixMs = lastMs;
  }
  // randomUUID's variant and random bits are kept; its time-free first 15 hex digits are replaced.
  return timePrefix + COUNTER_HEX[counter] + crypto.randomUUID().slice(18);
}
