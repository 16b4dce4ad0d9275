import type { Config } from "../../src/config";
import { silentLogger, type Logger } from "../../src/logger";
import { bootstrap, type RunningCatalog } from "../../src/main";
import { SEED_DIR } from "./catalogDatabase";
import { createTestDatabase, type TestDatabase } from "./testDatabase";

export interface TestServer {
  catalog: RunningCatalog;
  testDb: TestDatabase;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

/**
 * The real server (bootstrap) over HTTP on a fresh test database: on a free port of 127.0.0.1, silent,
 * not seeded unless `config` says so; `config` overrides any of that (seedDir, limits, CORS...).
 */
export async function startTestServer(config: Partial<Omit<Config, "database">> = {}, logger: Logger = silentLogger): Promise<TestServer> {
  const testDb = await createTestDatabase();
  try {
    const catalog = await bootstrap({ port: 0, host: "127.0.0.1", logLevel: "silent", seedDir: SEED_DIR, seedOnStart: false, ...config, database: testDb.target }, logger);
    return {
      catalog,
      testDb,
      async stop() {
        await catalog.stop();
        await testDb.drop();
      },
    };
  } catch (error) {
    await testDb.drop();
    throw error;
  }
}
