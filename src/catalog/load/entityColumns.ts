import Decimal from "decimal.js";
import type { EntityType } from "../reconcile/precedence";
import { isIsoDay } from "../../ingest/units";

type ColumnKind = "text" | "int" | "bool" | "date" | "numeric" | "textArray" | "intArray";

/** A decided field and the table column it is kept in. */
interface ColumnSpec {
  field: string;
  kind: ColumnKind;
  /** The SQL type a bulk statement reads the value as. */
  sqlType: string;
  /** The value when no document states the field (a NOT NULL column's default). */
  fallback?: unknown;
  /** For a date, the column that keeps how exact it is (YEAR / MONTH / DAY). */
  precisionColumn?: string;
}

export interface EntityTable {
  table: string;
  columns: ColumnSpec[];
}

const text = (field: string, fallback?: unknown): ColumnSpec => ({ field, kind: "text", sqlType: "text", fallback });
const int = (field: string): ColumnSpec => ({ field, kind: "int", sqlType: "integer" });
const bool = (field: string): ColumnSpec => ({ field, kind: "bool", sqlType: "boolean" });
const date = (field: string, precisionColumn?: string): ColumnSpec => ({ field, kind: "date", sqlType: "date", precisionColumn });
const textArray = (field: string): ColumnSpec => ({ field, kind: "textArray", sqlType: "text[]", fallback: [] });
const enumOf = (field: string, type: string, fallback?: string): ColumnSpec => ({ field, kind: "text", sqlType: `"${type}"`, fallback });

/** Where each entity's decided fields live. A field not listed stays a fact and a decision only. */
export const ENTITY_TABLES: Record<EntityType, EntityTable> = {
  AUTHOR: { table: "Author", columns: [text("name"), text("url"), text("description")] },
  PROVIDER: {
    table: "Provider",
    columns: [
      text("name"),
      enumOf("kind", "ProviderKind", "OTHER"),
      text("docsUrl"),
      text("apiUrl"),
      textArray("apiKeyEnvVars"),
      text("sdkPackage"),
      text("statusPageUrl"),
      text("privacyPolicyUrl"),
      bool("trainsOnData"),
      int("dataRetentionDays"),
      text("headquarters"),
    ],
  },
  MODEL: {
    table: "Model",
    columns: [
      text("name"),
      text("authorId"),
      text("family"),
      text("description"),
      text("snapshot"),
      date("releaseDate", "releaseDatePrecision"),
      date("lastUpdated"),
      date("knowledgeCutoff", "knowledgeCutoffPrecision"),
      bool("openWeights"),
      text("license"),
      textArray("languages"),
      int("languageCount"),
      textArray("inputModalities"),
      textArray("outputModalities"),
      int("contextWindow"),
      int("maxInputTokens"),
      int("maxOutputTokens"),
      enumOf("status", "LifecycleStatus", "ACTIVE"),
      date("deprecationDate"),
      date("retirementDate"),
      { field: "qualityIndex", kind: "numeric", sqlType: "numeric" },
      text("huggingFaceId"),
      text("tokenizer"),
    ],
  },
  OFFERING: {
    table: "Offering",
    columns: [
      text("name"),
      int("contextWindow"),
      int("maxInputTokens"),
      int("maxOutputTokens"),
      enumOf("status", "LifecycleStatus", "ACTIVE"),
      date("deprecationDate"),
      date("retirementDate"),
      { field: "billingTierThresholds", kind: "intArray", sqlType: "integer[]", fallback: [] },
      textArray("inputModalities"),
      textArray("outputModalities"),
    ],
  },
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
