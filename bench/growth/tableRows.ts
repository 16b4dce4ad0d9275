// Reading and writing whole tables as text rows. Values travel as PostgreSQL prints them and are cast back
// to each column's own type on insert, so decimals, timestamps, enums and arrays round-trip exactly.
// Writes are multi-row INSERT ... SELECT FROM unnest($1::text[], ...) in batches, two in flight, so that
// PostgreSQL inserts one batch while Node builds the next.
import pg from "pg";
import type { Row } from "./catalogCopy";

const BATCH_ROWS = 5000;
const IN_FLIGHT = 2;

/** Every value as the text PostgreSQL sent, never parsed into numbers or dates. */
const TEXT_TYPES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export function textPool(url: string, max: number): pg.Pool {
  // A benchmark database is rebuilt, not recovered: no wait for each commit's WAL flush; room to sort
  // when its indexes are rebuilt.
  return new pg.Pool({ connectionString: url, max, types: TEXT_TYPES, options: "-c synchronous_commit=off -c maintenance_work_mem=256MB" });
}

export interface Column {
  name: string;
  /** As `format_type` prints it: `numeric(24,12)`, `"LifecycleStatus"`, `text[]`. */
  type: string;
}

export async function columnsOf(pool: pg.Pool, table: string): Promise<Column[]> {
  const result = await pool.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [`"${table}"`],
  );
  if (result.rows.length === 0) throw new Error(`Table "${table}" has no columns`);
  return result.rows;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of `table`, these columns, ordered by `orderBy` so that copies come out the same each run. */
export async function readTable(pool: pg.Pool, table: string, columns: Column[], orderBy: string[]): Promise<Row[]> {
  const select = columns.map((c) => quote(c.name)).join(", ");
  const result = await pool.query<Row>(`SELECT ${select} FROM ${quote(table)} ORDER BY ${orderBy.map(quote).join(", ")}`);
  return result.rows;
}

/** Inserts rows into one table in batches; `write` returns once every row is in. */
export class TableWriter {
  private readonly sql: string;
  private batch: Row[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  written = 0;

  constructor(
    private readonly pool: pg.Pool,
    readonly table: string,
    private readonly columns: Column[],
  ) {
    const params = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
    const aliases = columns.map((_, i) => `c${i}`);
    const casts = columns.map((c, i) => `r.c${i}::${c.type}`).join(", ");
    this.sql = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")}) SELECT ${casts} FROM unnest(${params}) AS r(${aliases.join(", ")})`;
  }

  async add(row: Row): Promise<void> {
    this.batch.push(row);
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  /** Sends what is batched and waits for every insert still running. */
  async finish(): Promise<number> {
    await this.flush();
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return this.written;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const values = this.columns.map((c) => rows.map((row) => {
      const value = row[c.name];
      if (value === undefined) throw new Error(`${this.table}: a row has no value for ${c.name}`);
      return value;
    }));
    const insert = this.pool.query(this.sql, values).then(
      () => {
        this.written += rows.length;
      },
      (error: unknown) => {
        this.failure ??= new Error(`Inserting ${rows.length} rows into "${this.table}" failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    const tracked: Promise<void> = insert.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
