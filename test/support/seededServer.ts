import { bootstrap, type RunningCatalog } from "../../src/main";
import { silentLogger } from "../../src/logger";
import { SEED_DIR } from "./catalogDatabase";
import { createTestDatabase, type TestDatabase } from "./testDatabase";

export interface SeededServer {
  catalog: RunningCatalog;
  /** POSTs a GraphQL operation; returns the parsed response body. */
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: Data; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] }>;
  stop(): Promise<void>;
}

/** A server on a fresh database seeded from seed/, over real HTTP. */
export async function startSeededServer(): Promise<SeededServer> {
  const testDb: TestDatabase = await createTestDatabase();
  const catalog = await bootstrap({ port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: SEED_DIR, seedOnStart: true }, silentLogger);
  return {
    catalog,
    async graphql(query, variables) {
      const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as never;
    },
    async stop() {
      await catalog.stop();
      await testDb.drop();
    },
  };
}
