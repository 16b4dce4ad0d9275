// The text a bulk write hands PostgreSQL for one value, by its column's type: what json_to_recordset
// reads out of the value's JSON. COPY's CSV fields (copyRows.ts) and unnest's array elements
// (bulkRows.ts) are written from it, so the three ways store the same values.

/** A value's text for a column of SQL type `type`; null for NULL. JSON columns get the value's JSON text, dates their ISO form. */
export function columnText(value: unknown, type: string): string | null {
  if (value === undefined || value === null) return null;
  if (type === "jsonb" || type === "json") return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
