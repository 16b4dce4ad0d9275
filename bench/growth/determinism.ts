// Seeded randomness for the synthetic catalogs. Every draw is keyed by what it is for (seed, copy, record
// id) rather than taken from one stream, so a row's value does not depend on the order rows are written in.
import crypto from "node:crypto";

/** A 32-bit FNV-1a hash of a string: the seed of a keyed draw. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; returns draws in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first draw of a PRNG seeded by `key`: one reproducible number in [0, 1) per key. */
export function drawFor(key: string): number {
  return mulberry32(hash32(key))();
}

/** A version-4-shaped UUID derived from `key` (MD5), so that the same key always gives the same id. */
export function uuidFor(key: string): string {
  const bytes = crypto.createHash("md5").update(key).digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SCALE = 12;

/**
 * `amount` (a non-negative decimal as PostgreSQL prints it, at most 12 places) times `factor / 10000`,
 * rounded half up to 12 places and printed without trailing zeros: exact, never through a float.
 * @throws Error when `amount` is not such a decimal.
 */
export function scaleDecimal(amount: string, factor: number): string {
  const match = /^(\d+)(?:\.(\d{0,12}))?$/.exec(amount);
  if (!match || !Number.isInteger(factor) || factor < 0) throw new Error(`Cannot scale ${amount} by ${factor}/10000`);
  const units = BigInt(match[1] + (match[2] ?? "").padEnd(SCALE, "0"));
  const scaled = (units * BigInt(factor) * 2n + 10000n) / 20000n;
  const digits = scaled.toString().padStart(SCALE + 1, "0");
  const fraction = digits.slice(-SCALE).replace(/0+$/, "");
  const whole = digits.slice(0, -SCALE);
  return fraction === "" ? whole : `${whole}.${fraction}`;
}
