import { lexicographicSortSchema, printSchema } from "graphql";
import type { CatalogServices } from "../catalog/catalogServices";
import { buildCatalogSchema } from "./schema";

/** The public schema as SDL, sorted so that the checked-in schema.graphql diffs cleanly. */
export async function catalogSchemaSdl(): Promise<string> {
  // Printing needs the types only; no resolver runs, so no services are needed.
  const schema = await buildCatalogSchema({} as CatalogServices);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
