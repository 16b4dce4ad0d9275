import { ValidationError } from "../errors";

/**
 * Cursors are opaque to clients: base64url of the ordering's signature and the row's sort-key values.
 * A cursor from another ordering or filter-independent garbage is refused, not misread.
 */
export function encodeCursor(signature: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([signature, ...values]), "utf8").toString("base64url");
}

/** The sort-key values in a cursor; throws a ValidationError naming `argument` if it is not one of ours. */
export function decodeCursor(cursor: string, signature: string, keyCount: number, argument: string): unknown[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new ValidationError(`${argument} is not a valid cursor; use a cursor this API returned`, argument);
  }
  if (!Array.isArray(parsed) || parsed.length !== keyCount + 1 || typeof parsed[0] !== "string") {
    throw new ValidationError(`${argument} is not a valid cursor; use a cursor this API returned`, argument);
  }
  if (parsed[0] !== signature) throw new ValidationError(`${argument} is a cursor of another ordering or list; pass the same orderBy as when you got it`, argument);
  const values = parsed.slice(1);
  if (values.some((v) => v !== null && typeof v !== "string" && typeof v !== "number")) {
    throw new ValidationError(`${argument} is not a valid cursor; use a cursor this API returned`, argument);
  }
  return values;
}
