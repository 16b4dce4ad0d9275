import type { Column } from "./bulkRows";
import { SCHEMA_COLUMNS, type ScalarFieldsOf, type SchemaColumn } from "./generated/schemaColumns";

// The columns of bulk statements, read from the schema instead of kept by hand: `npm run generate` writes
// every model's scalar columns (name, Prisma type, enum, list-ness, nullability, native type and the SQL
// type a JSON value is read as) to generated/schemaColumns.ts (scripts/prisma/schemaColumnsGenerator.js).
// A repository names the fields it writes; their types follow the schema.

export type { SchemaColumn };

/** A model of the schema, by its name in the client ("Fact", "FieldDecision"). */
export type TableModel = keyof ScalarFieldsOf;

/** A scalar (or enum) field of `M`, as the client's `Prisma.<M>ScalarFieldEnum` names it. */
export type ScalarField<M extends TableModel> = ScalarFieldsOf[M];

function columnsOf(model: TableModel): Readonly<Record<string, SchemaColumn>> {
  const entry = SCHEMA_COLUMNS[model] as { columns: Readonly<Record<string, SchemaColumn>> } | undefined;
  if (!entry) throw new Error(`No model ${model} in the schema`);
  return entry.columns;
}

/** How the schema declares `field` of `model`. Throws when the model has no such scalar field. */
export function schemaColumn<M extends TableModel>(model: M, field: ScalarField<M>): SchemaColumn {
  const column = columnsOf(model)[field as string];
  if (!column) throw new Error(`${model} has no scalar field ${String(field)}`);
  return column;
}

/** The table `model` is stored in. */
export function tableOf(model: TableModel): string {
  return SCHEMA_COLUMNS[model].table;
}

/** The model stored in `table` ("Model" for the table "Model"). Throws for a table no model maps to. */
export function modelOfTable(table: string): TableModel {
  const model = (Object.keys(SCHEMA_COLUMNS) as TableModel[]).find((m) => SCHEMA_COLUMNS[m].table === table);
  if (!model) throw new Error(`No model is stored in the table ${table}`);
  return model;
}

/** A bulk statement's column for `field` of `model`: its column name and the SQL type its JSON value is read as. */
export function tableColumn<M extends TableModel>(model: M, field: ScalarField<M>): Column {
  const column = schemaColumn(model, field);
  return { name: column.column, type: column.sqlType };
}

/**
 * The bulk statement's columns for `fields` of `model`, in the order given. A statement's rows are keyed
 * by these names, which are the fields' own: the schema maps no field to another column name (a test
 * keeps it so).
 */
export function tableColumns<M extends TableModel>(model: M, fields: readonly ScalarField<M>[]): Column[] {
  return fields.map((field) => tableColumn(model, field));
}

/** Every scalar column of `model` but the `omitted` ones (those the database fills), in schema order. */
export function tableColumnsExcept<M extends TableModel>(model: M, omitted: readonly ScalarField<M>[]): Column[] {
  return Object.values(columnsOf(model))
    .filter((column) => !(omitted as readonly string[]).includes(column.name))
    .map((column) => ({ name: column.column, type: column.sqlType }));
}
