import { serverAudits } from "graphql-http";
import { bootstrap, type RunningCatalog } from "../../src/main";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// graphql-http's audit suite is the GraphQL-over-HTTP spec as tests: every MUST and every SHOULD runs
// against the real server, and the test's name is the spec's sentence.
describe(`GraphQL over HTTP (graphql-http's server audits) on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let testDb: TestDatabase;
  let catalog: RunningCatalog;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    catalog = await bootstrap({ port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: "seed", seedOnStart: false }, silentLogger);
  });

  afterAll(async () => {
    await catalog.stop();
    await testDb.drop();
  });

  const audits = serverAudits({ url: () => catalog.url, fetchFn: fetch });

  it("covers every MUST and SHOULD of the spec", () => {
    expect(audits.filter((audit) => audit.name.startsWith("MUST")).length).toBeGreaterThanOrEqual(13);
    expect(audits.filter((audit) => audit.name.startsWith("SHOULD")).length).toBeGreaterThanOrEqual(23);
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== "ok") {
        const failure = result as { reason: string; response: Response };
        throw new Error(`${result.status}: ${failure.reason} (HTTP ${failure.response.status}: ${await failure.response.clone().text().catch(() => "?")})`);
      }
    });
  }
});
