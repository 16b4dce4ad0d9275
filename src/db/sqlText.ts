// Small pieces of SQL text the catalog's queries share.

/** A timestamp column as ISO text in UTC, whatever the driver's time zone. */
export function utc(column: string): string {
  return `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** `text` with LIKE's wildcards escaped, so that it matches only itself. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE / ILIKE pattern matching values that contain `text`. */
export function containsPattern(text: string): string {
  return `%${likeLiteral(text)}%`;
}

/** A LIKE pattern matching values that start with `text`. */
export function prefixPattern(text: string): string {
  return `${likeLiteral(text)}%`;
}
