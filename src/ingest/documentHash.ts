import crypto from "node:crypto";

/**
 * What decides whether a stored document must be loaded again: its bytes, the revision of its format's
 * parser (a parser that reads more of the same bytes must see them again), and for a models.dev provider
 * file that names a base model, that base file's bytes (its facts are read through it). One function for
 * files read from disk and for documents an admin pastes, so that the same content is "unchanged" for both.
 */
export function documentHash(bytes: Buffer, revision: number, base: Buffer | undefined): string {
  const hash = crypto.createHash("sha256").update(bytes);
  if (revision > 0) hash.update(`\u0000revision ${revision}`);
  if (base) hash.update("\u0000base\u0000").update(base);
  return hash.digest("hex");
}

/** The base model a models.dev provider file names in `base_model`, if any. */
export function modelsDevBaseRef(text: string): string | undefined {
  return /^base_model\s*=\s*"([^"]+)"/m.exec(text)?.[1];
}
