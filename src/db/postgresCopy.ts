import { Query, type PoolClient } from "pg";

// COPY FROM STDIN on a pipelined node-postgres connection (postgresDatabase.ts). Measured on a seed's
// 168,783 facts into a table with its primary key only, alternating: backend CPU 460-480 ms by COPY
// against 1,210-1,430 ms by INSERT ... SELECT FROM unnest in chunks of 2,000 (this process spends about
// the same building either text). During a seed PostgreSQL is the busier side once the first records
// are decided, so its time is the seed's.
//
// pg-copy-streams cannot run on a pipelined connection: node-postgres refuses any query class of its own
// there (its rows would be read as the answer to the statements written behind it). This one is a
// node-postgres Query that writes the statement and its rows at once: the server reads the rows from its
// input after the statement, whether or not it has answered yet, and a COPY that fails before reading
// them leaves them to be skipped (the protocol has the server ignore copy messages outside a COPY), so
// the statements pipelined behind it are read as statements either way.

/** What this file uses of node-postgres' connection, which its type declarations leave out. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  stream: { cork?(): void; uncork?(): void };
}

class CopyFromText extends Query {
  constructor(sql: string, csv: string, callback: (error: Error | undefined) => void) {
    super(sql, callback);
    // An own property: the type declarations make `submit` a property, which a method cannot override.
    this.submit = (connection) => {
      const copy = connection as unknown as CopyConnection;
      copy.stream.cork?.();
      try {
        copy.query(sql);
        copy.sendCopyFromChunk(Buffer.from(csv, "utf8"));
        copy.endCopyFrom();
      } finally {
        copy.stream.uncork?.();
      }
    };
  }

  /** The server is ready for the rows: they are already on their way (node-postgres' own Query refuses here). */
  handleCopyInResponse(): void {}
}

/** `COPY table (columns) FROM STDIN` the CSV text (PostgreSQL's CSV format) on `client`, in its turn among the statements issued on it. */
export function copyFromText(client: PoolClient, table: string, columns: readonly string[], csv: string): Promise<void> {
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FORMAT csv)`;
  return new Promise((resolve, reject) => {
    client.query(new CopyFromText(sql, csv, (error) => (error ? reject(error) : resolve())));
  });
}
