// Reads the catalog our server seeded out of PostgreSQL into a CatalogFile, with plain SQL through `pg`
// (never through the server's code), so the in-memory contenders serve the same data ours does.
import fs from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import { Client } from "pg";
import type { CatalogFile } from "./arrays/catalogFile";

/** Plain notation, trailing zeros dropped: numeric(24,12) "0.400000000000" → "0.4". */
const Plain = Decimal.clone({ precision: 100, toExpNeg: -9e15, toExpPos: 9e15 });
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${column.replace(/"/g, "")}"`;

/** Exports the database at `url` and writes it to `file`; returns the row counts. */
export async function exportCatalog(url: string, file: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    const catalog: CatalogFile = {
      exportedAt: new Date().toISOString(),
      authors: await rows(`SELECT id, name FROM "Author"`),
      providers: await rows(`SELECT id, name FROM "Provider"`),
      models: await rows(
        `SELECT id, name, "authorId", family, description, status::text AS status, "openWeights", license, "contextWindow", "maxInputTokens", "maxOutputTokens",
                "inputModalities", "outputModalities", ${day('"releaseDate"')}, "releaseDatePrecision"::text AS "releaseDatePrecision",
                ${day('"knowledgeCutoff"')}, "knowledgeCutoffPrecision"::text AS "knowledgeCutoffPrecision", ${day('"lastUpdated"')}
           FROM "Model"`,
      ),
      aliases: await rows(`SELECT alias, "modelId" FROM "ModelAlias"`),
      offerings: await rows(`SELECT id, "providerId", "modelId", "providerModelId", name FROM "Offering"`),
      prices: (
        await rows<{ amount: string; validFrom: Date; validTo: Date | null }>(
          `SELECT id, "offeringId", kind::text AS kind, unit::text AS unit, mode::text AS mode, "contextAbove", amount::text AS amount, currency, "validFrom", "validTo" FROM "Price"`,
        )
      ).map((p) => ({ ...p, amount: new Plain(p.amount).toString(), validFrom: p.validFrom.toISOString(), validTo: p.validTo ? p.validTo.toISOString() : null })) as CatalogFile["prices"],
      capabilities: await rows(`SELECT "modelId", "capabilityKey", level::text AS level FROM "ModelCapability"`),
      sources: await rows(`SELECT id, uri FROM "Source"`),
      // Stored decisions only: a field decided by its only document has none (the API derives it); the
      // benchmark asks for gpt-4.1-mini's context window, which four documents state.
      decisions: await rows(`SELECT d."entityId", d.field, d."chosenValue", r.text AS rule FROM "FieldDecision" d JOIN "DecisionRule" r ON r.id = d."ruleId" WHERE d."entityType" = 'MODEL'`),
      facts: await rows(`SELECT "entityId", field, value, locator, "sourceId" FROM "Fact" WHERE "entityType" = 'MODEL'`),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(catalog));
    const counts: Record<string, number> = {};
    for (const [key, value] of Object.entries(catalog)) if (Array.isArray(value)) counts[key] = value.length;
    return counts;
  } finally {
    await client.end();
  }
}
