import Decimal from "decimal.js";
import type { EntityType } from "../reconcile/precedence";
import { isIsoDay } from "../../ingest/units";
import { schemaColumn, tableOf, type ScalarField, type SchemaColumn, type TableModel } from "../../db/tableColumns";

type ColumnKind = "text" | "int" | "bool" | "date" | "numeric" | "textArray" | "intArray";

/** A decided field and the table column it is kept in. */
interface ColumnSpec {
  field: string;
  /** How a value is checked and compared, from the column's type in the schema. */
  kind: ColumnKind;
  /** The value when no document states the field (a NOT NULL column's default; the empty list for a list column). */
  fallback?: unknown;
  /** For a date, the column that keeps how exact it is (YEAR / MONTH / DAY). */
  precisionColumn?: string;
}

export interface EntityTable {
  table: string;
  columns: ColumnSpec[];
}

/** A field kept in a column, with what the schema cannot say: its fallback, and a date's precision column. */
interface DecidedField<M extends TableModel> {
  field: ScalarField<M>;
  fallback?: unknown;
  precisionColumn?: ScalarField<M>;
}
type Decided<M extends TableModel> = ScalarField<M> | DecidedField<M>;

/** How a value of a column is checked: by the column's type in the schema. Throws for a type no decided field may have. */
function kindOf(column: SchemaColumn): ColumnKind {
  const { prismaType, isList, enumName, nativeType } = column;
  if (isList && prismaType === "String") return "textArray";
  if (isList && prismaType === "Int") return "intArray";
  if (!isList && enumName !== null) return "text";
  if (!isList && prismaType === "String") return "text";
  if (!isList && prismaType === "Int") return "int";
  if (!isList && prismaType === "Boolean") return "bool";
  if (!isList && prismaType === "Decimal") return "numeric";
  if (!isList && prismaType === "DateTime" && nativeType === "@db.Date") return "date";
  throw new Error(`A decided field cannot be kept in ${column.name} (${prismaType}${isList ? "[]" : ""} ${nativeType ?? ""})`);
}

function table<M extends TableModel>(model: M, fields: readonly Decided<M>[]): EntityTable {
  return {
    table: tableOf(model),
    columns: fields.map((decided) => {
      const { field, fallback, precisionColumn }: DecidedField<M> = typeof decided === "object" ? (decided as DecidedField<M>) : { field: decided as ScalarField<M> };
      const column = schemaColumn(model, field);
      return {
        field: column.name,
        kind: kindOf(column),
        fallback: fallback ?? (column.isList ? [] : undefined),
        ...(precisionColumn ? { precisionColumn: schemaColumn(model, precisionColumn).name } : {}),
      };
    }),
  };
}

/**
 * Where each entity's decided fields live. A field not listed stays a fact and a decision only. Which
 * fields have columns, their fallbacks and precision columns are listed here; their types are the schema's.
 */
export const ENTITY_TABLES: Record<EntityType, EntityTable> = {
  AUTHOR: table("Author", ["name", "url", "description"]),
  PROVIDER: table("Provider", [
    "name",
    { field: "kind", fallback: "OTHER" },
    "docsUrl",
    "apiUrl",
    "apiKeyEnvVars",
    "sdkPackage",
    "statusPageUrl",
    "privacyPolicyUrl",
    "trainsOnData",
    "dataRetentionDays",
    "headquarters",
  ]),
  MODEL: table("Model", [
    "name",
    "authorId",
    "family",
    "description",
    "snapshot",
    { field: "releaseDate", precisionColumn: "releaseDatePrecision" },
    "lastUpdated",
    { field: "knowledgeCutoff", precisionColumn: "knowledgeCutoffPrecision" },
    "openWeights",
    "license",
    "languages",
    "languageCount",
    "inputModalities",
    "outputModalities",
    "contextWindow",
    "maxInputTokens",
    "maxOutputTokens",
    { field: "status", fallback: "ACTIVE" },
    "deprecationDate",
    "retirementDate",
    "qualityIndex",
    "huggingFaceId",
    "tokenizer",
  ]),
  OFFERING: table("Offering", [
    "name",
    "contextWindow",
    "maxInputTokens",
    "maxOutputTokens",
    { field: "status", fallback: "ACTIVE" },
    "deprecationDate",
    "retirementDate",
    "billingTierThresholds",
    "inputModalities",
    "outputModalities",
  ]),
};

/**
 * An entity's column values from its decided fields, in a form comparable with what `selectColumns`
 * reads: ISO days for dates (a month "2024-04" kept as its first day, MONTH beside it), plain decimals.
 * A value of the wrong type for its column is left out, as if unstated.
 */
export function columnValues(entity: EntityType, id: string, decided: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { id };
  for (const c of ENTITY_TABLES[entity].columns) {
    const value = coerce(c.kind, decided.get(c.field));
    row[c.field] = value ?? c.fallback ?? null;
    if (c.precisionColumn) row[c.precisionColumn] = typeof value === "string" ? datePrecision(decided.get(c.field) as string) : null;
  }
  if (row.name === null && ENTITY_TABLES[entity].columns.some((c) => c.field === "name") && entity !== "OFFERING") row.name = id;
  return row;
}

/** The same row as read from the database, normalized like `columnValues`. */
export function normalizeStoredRow(entity: EntityType, stored: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { id: stored.id };
  for (const c of ENTITY_TABLES[entity].columns) {
    const value = stored[c.field];
    row[c.field] = c.kind === "numeric" && typeof value === "string" ? new Decimal(value).toFixed() : (value ?? null);
    if (c.precisionColumn) row[c.precisionColumn] = stored[c.precisionColumn] ?? null;
  }
  return row;
}

/** Whether `value` fits `field` of an entity: a field it has a column for, and a value of that column's type. */
export function fieldAccepts(entity: EntityType, field: string, value: unknown): boolean {
  const column = ENTITY_TABLES[entity].columns.find((c) => c.field === field);
  return column !== undefined && coerce(column.kind, value) !== undefined;
}

/** Whether `field` of an entity is kept in a date column (an ISO day, month or year in DATE_RANGE). */
export function isDateField(entity: EntityType, field: string): boolean {
  return ENTITY_TABLES[entity].columns.some((c) => c.field === field && c.kind === "date");
}

/** The fields an entity keeps in columns. */
export function columnFields(entity: EntityType): string[] {
  return ENTITY_TABLES[entity].columns.map((c) => c.field);
}

function datePrecision(iso: string): string {
  return iso.length <= 4 ? "YEAR" : iso.length <= 7 ? "MONTH" : "DAY";
}

function coerce(kind: ColumnKind, value: unknown): unknown {
  switch (kind) {
    case "text":
      return typeof value === "string" && value.trim() !== "" ? value : undefined;
    case "int":
      return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647 ? value : undefined;
    case "bool":
      return typeof value === "boolean" ? value : undefined;
    case "date": {
      if (typeof value !== "string" || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return undefined;
      const [y, m = "01", d = "01"] = value.split("-");
      const day = `${y}-${m}-${d}`;
      return isIsoDay(day) ? day : undefined;
    }
    case "numeric":
      return (typeof value === "string" || typeof value === "number") && /^-?\d+(\.\d+)?$/.test(String(value)) ? new Decimal(value).toFixed() : undefined;
    case "textArray":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
    case "intArray":
      return Array.isArray(value) && value.every((v) => Number.isInteger(v)) ? value : undefined;
  }
}
