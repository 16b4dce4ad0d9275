// Sets of models as bits, one per model in the snapshot's id order: what a filtered list counts with.
// Counting the models that pass a filter by testing each candidate cost as much as the matches (43,400 of
// them at 100 times the catalog); AND-ing the conditions' bits and counting the ones costs the catalog's
// size divided by 32 in machine words, and every condition's bits are kept per snapshot once computed.

/** A set of model ordinals as bits; immutable once built. */
export type ModelBits = Uint32Array;

/** No model of a snapshot of `size` models. */
export function emptyBits(size: number): ModelBits {
  return new Uint32Array((size + 31) >>> 5);
}

export function setBit(bits: ModelBits, ordinal: number): void {
  bits[ordinal >>> 5] |= 1 << (ordinal & 31);
}

/** The bits of these ordinals in a snapshot of `size` models. */
export function bitsOfOrdinals(size: number, ordinals: ArrayLike<number>): ModelBits {
  const bits = emptyBits(size);
  for (let k = 0; k < ordinals.length; k++) setBit(bits, ordinals[k]);
  return bits;
}

export function hasBit(bits: ModelBits, ordinal: number): boolean {
  return (bits[ordinal >>> 5] & (1 << (ordinal & 31))) !== 0;
}

/** The intersection of one or more equally sized bit sets, as a new one. */
export function intersectBits(sets: readonly ModelBits[]): ModelBits {
  const out = Uint32Array.from(sets[0]);
  for (let s = 1; s < sets.length; s++) {
    const other = sets[s];
    for (let w = 0; w < out.length; w++) out[w] &= other[w];
  }
  return out;
}

/** How many bits are set. */
export function countBits(bits: ModelBits): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w];
    if (v === 0) continue;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}
