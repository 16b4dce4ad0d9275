import { serverAudits } from "graphql-http";
import type { RunningCatalog } from "../../src/main";
import { usingPostgres } from "../support/testDatabase";
import { startTestServer, type TestServer } from "../support/testServer";

// graphql-http's audit suite is the GraphQL-over-HTTP spec as tests: every MUST and every SHOULD runs
// against the real server, and the test's name is the spec's sentence.
describe(`GraphQL over HTTP (graphql-http's server audits) on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let server: TestServer;
  let catalog: RunningCatalog;

  beforeAll(async () => {
    server = await startTestServer();
    catalog = server.catalog;
  });

  afterAll(() => server?.stop());

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
