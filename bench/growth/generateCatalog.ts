// Writes a synthetic catalog `factor` times the size of a real one into a database that has the schema
// and no catalog rows. Copy 0 is the real catalog as it is; copy k suffixes every model, alias and
// offering id with `~s<k>` and serves its offerings from provider variant k mod sqrt(factor). Authors,
// capability definitions and sources are written once. Facts and field decisions are not copied: the read
// model never reads them.
import type pg from "pg";
import {
  copyAlias,
  copyBenchmark,
  copyModel,
  copyModelCapability,
  copyOffering,
  copyOfferingCapability,
  copyPrice,
  copyProvider,
  offeringCopyId,
  type CopyPlan,
  type Row,
} from "./catalogCopy";
import { columnsOf, readTable, TableWriter, textPool, type Column } from "./tableRows";

/** Bumped when the copies change, so that databases built by an older generator are rebuilt. */
export const GENERATOR_VERSION = 1;

/** Each table the read model loads, with the order its rows are read in (for reproducible copies). */
const TABLES = {
  Author: ["id"],
  CapabilityDefinition: ["key"],
  Source: ["id"],
  Provider: ["id"],
  Model: ["id"],
  ModelAlias: ["alias"],
  Offering: ["id"],
  ModelCapability: ["modelId", "capabilityKey"],
  ModelBenchmark: ["id"],
  Price: ["id"],
  OfferingCapability: ["offeringId", "capabilityKey"],
} as const;
type Table = keyof typeof TABLES;

export interface GenerateOptions {
  sourceUrl: string;
  targetUrl: string;
  plan: CopyPlan;
  log?: (line: string) => void;
}

export interface GenerateReport {
  /** Rows written per table. */
  counts: Record<Table, number>;
  ms: number;
}

/**
 * Reads the real catalog from `sourceUrl` and writes `plan.factor` copies into `targetUrl`, table by table
 * in foreign-key order, then ANALYZEs. The target must be migrated and hold no catalog rows.
 * @throws Error when the target already holds models, or an insert fails (the target is then partial).
 */
export async function generateCatalog(options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const { plan } = options;
  const source = textPool(options.sourceUrl, 1);
  const target = textPool(options.targetUrl, 2);
  try {
    const existing = await target.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Model"`);
    if (existing.rows[0].n !== "0") throw new Error(`The target already holds ${existing.rows[0].n} models`);
    const columns = {} as Record<Table, Column[]>;
    const real = {} as Record<Table, Row[]>;
    for (const table of Object.keys(TABLES) as Table[]) {
      columns[table] = await columnsOf(target, table);
      real[table] = await readTable(source, table, columns[table], [...TABLES[table]]);
    }
    if (real.Model.length === 0) throw new Error("The source catalog has no models");
    const offeringsById = new Map(real.Offering.map((o) => [o.id!, o]));
    const copiedOffering = (offeringId: string, copy: number) => {
      const offering = offeringsById.get(offeringId);
      if (!offering) throw new Error(`A row refers to offering ${offeringId}, which the source does not hold`);
      return offeringCopyId(plan, offering, copy);
    };

    const counts = {} as Record<Table, number>;
    const write = async (table: Table, rows: (emit: (row: Row) => Promise<void>) => Promise<void>) => {
      const tableStarted = performance.now();
      const writer = new TableWriter(target, table, columns[table]);
      await rows((row) => writer.add(row));
      counts[table] = await writer.finish();
      log(`  ${table.padEnd(20)} ${String(counts[table]).padStart(9)} rows  ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`);
    };
    const once = (table: Table) => write(table, async (emit) => {
      for (const row of real[table]) await emit(row);
    });
    const perCopy = (table: Table, copyRow: (row: Row, copy: number) => Row) => write(table, async (emit) => {
      for (let copy = 0; copy < plan.factor; copy++) for (const row of real[table]) await emit(copyRow(row, copy));
    });

    // Secondary indexes are dropped while the rows go in and rebuilt after: one sort per index instead of
    // millions of scattered index inserts. Primary keys (and so foreign keys) stay and check as rows arrive;
    // the rebuilt unique indexes check the rest.
    const indexes = await target.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
        WHERE i.indrelid = ANY($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1`,
      [Object.keys(TABLES).map((t) => `"${t}"`)],
    );
    for (const index of indexes.rows) await target.query(`DROP INDEX ${index.name}`);

    await once("Author");
    await once("CapabilityDefinition");
    await once("Source");
    await write("Provider", async (emit) => {
      for (let variant = 0; variant < plan.providerVariants; variant++) for (const row of real.Provider) await emit(copyProvider(row, variant));
    });
    await perCopy("Model", copyModel);
    await perCopy("ModelAlias", copyAlias);
    await perCopy("Offering", (row, copy) => copyOffering(plan, row, copy));
    await perCopy("ModelCapability", copyModelCapability);
    await perCopy("ModelBenchmark", (row, copy) => copyBenchmark(plan, row, copy));
    await perCopy("Price", (row, copy) => copyPrice(plan, row, copy, copiedOffering(row.offeringId!, copy)));
    await perCopy("OfferingCapability", (row, copy) => copyOfferingCapability(row, copiedOffering(row.offeringId!, copy)));

    const indexStarted = performance.now();
    const pending = [...indexes.rows];
    const rebuild = async () => {
      for (let index = pending.shift(); index; index = pending.shift()) await target.query(index.definition);
    };
    await Promise.all([rebuild(), rebuild()]);
    log(`  ${indexes.rows.length} secondary indexes rebuilt in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);

    const analyzeStarted = performance.now();
    await target.query(`ANALYZE ${Object.keys(TABLES).map((t) => `"${t}"`).join(", ")}`);
    log(`  ANALYZE ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`);
    return { counts, ms: performance.now() - started };
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

/** How many rows each table should hold for this plan, given the source's counts: the check after a run. */
export function expectedCounts(plan: CopyPlan, real: Record<Table, number>): Record<Table, number> {
  const counts = {} as Record<Table, number>;
  for (const table of Object.keys(TABLES) as Table[]) {
    counts[table] = table === "Author" || table === "CapabilityDefinition" || table === "Source" ? real[table] : table === "Provider" ? real[table] * plan.providerVariants : real[table] * plan.factor;
  }
  return counts;
}

/** Rows per catalog table of a database. */
export async function tableCounts(pool: pg.Pool): Promise<Record<Table, number>> {
  const counts = {} as Record<Table, number>;
  for (const table of Object.keys(TABLES) as Table[]) counts[table] = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`)).rows[0].n);
  return counts;
}
