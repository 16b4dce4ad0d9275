// How one real row becomes its synthetic copies. Rows are column name → value as PostgreSQL prints it
// (text, arrays as '{a,b}'), so nothing is reinterpreted on the way through; only ids, the price amounts
// and the current-price slot change.
import { drawFor, scaleDecimal, uuidFor } from "./determinism";

export type Row = Record<string, string | null>;

/** What a synthetic catalog is: `factor` copies of the real one (copy 0 is the real one, ids unchanged). */
export interface CopyPlan {
  factor: number;
  seed: number;
  /** How many variants of each provider exist (variant 0 is the real provider): about sqrt(factor). */
  providerVariants: number;
}

/** Price amounts of a copy are scaled by 0.5 to 1.5, in steps of 1/10000. */
const JITTER_MIN = 5000;
const JITTER_SPAN = 10000;

export function copyPlan(factor: number, seed: number): CopyPlan {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`The factor must be a whole number ≥ 1, not ${factor}`);
  return { factor, seed, providerVariants: Math.max(1, Math.round(Math.sqrt(factor))) };
}

/** `gpt-4.1-mini` → `gpt-4.1-mini~s7` in copy 7; copy 0 keeps the real id. */
export function copyId(id: string, copy: number): string {
  return copy === 0 ? id : `${id}~s${copy}`;
}

/** The provider variant that serves copy `copy`'s offerings: copies take the variants in turn. */
export function variantOfCopy(plan: CopyPlan, copy: number): number {
  return copy % plan.providerVariants;
}

/** `openai` → `openai~p3` for variant 3; variant 0 is the real provider. */
export function providerVariantId(id: string, variant: number): string {
  return variant === 0 ? id : `${id}~p${variant}`;
}

export function copyProvider(row: Row, variant: number): Row {
  return { ...row, id: providerVariantId(row.id!, variant) };
}

export function copyModel(row: Row, copy: number): Row {
  return { ...row, id: copyId(row.id!, copy) };
}

export function copyAlias(row: Row, copy: number): Row {
  return { ...row, alias: copyId(row.alias!, copy), modelId: copyId(row.modelId!, copy) };
}

/** The id of copy `copy` of an offering: its provider's variant for that copy, its provider model id suffixed. */
export function offeringCopyId(plan: CopyPlan, offering: Row, copy: number): string {
  return `${providerVariantId(offering.providerId!, variantOfCopy(plan, copy))}:${copyId(offering.providerModelId!, copy)}`;
}

export function copyOffering(plan: CopyPlan, row: Row, copy: number): Row {
  const providerId = providerVariantId(row.providerId!, variantOfCopy(plan, copy));
  const providerModelId = copyId(row.providerModelId!, copy);
  return { ...row, id: `${providerId}:${providerModelId}`, providerId, providerModelId, modelId: copyId(row.modelId!, copy) };
}

/** The scale factor (in ten-thousandths) of every price of one offering copy, so its input/output ratio and history keep their shape. */
export function priceJitter(plan: CopyPlan, originalOfferingId: string, copy: number): number {
  return copy === 0 ? 10000 : JITTER_MIN + Math.floor(drawFor(`${plan.seed}|${copy}|${originalOfferingId}`) * (JITTER_SPAN + 1));
}

/**
 * A price row of an offering copy: a new id, the copy's offering, the amount scaled by the offering
 * copy's jitter, and the current slot (which begins with the offering id) moved to the new offering.
 */
export function copyPrice(plan: CopyPlan, row: Row, copy: number, offeringId: string): Row {
  if (copy === 0) return row;
  const original = row.offeringId!;
  const slot = row.currentSlot;
  if (slot !== null && !slot.startsWith(`${original}|`)) throw new Error(`Price ${row.id}: current slot ${slot} does not begin with its offering ${original}`);
  return {
    ...row,
    id: uuidFor(`${plan.seed}|price|${copy}|${row.id}`),
    offeringId,
    amount: scaleDecimal(row.amount!, priceJitter(plan, original, copy)),
    currentSlot: slot === null ? null : offeringId + slot.slice(original.length),
  };
}

export function copyModelCapability(row: Row, copy: number): Row {
  return { ...row, modelId: copyId(row.modelId!, copy) };
}

export function copyOfferingCapability(row: Row, offeringId: string): Row {
  return { ...row, offeringId };
}

export function copyBenchmark(plan: CopyPlan, row: Row, copy: number): Row {
  return copy === 0 ? row : { ...row, id: uuidFor(`${plan.seed}|benchmark|${copy}|${row.id}`), modelId: copyId(row.modelId!, copy) };
}
