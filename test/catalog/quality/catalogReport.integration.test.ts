import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { bootstrap, type RunningCatalog } from "../../../src/main";
import { silentLogger } from "../../../src/logger";
import { ApiKeyService } from "../../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../../src/db/apiKeyRepository";
import { openDatabase } from "../../../src/db/database";
import { tableCounts } from "../../support/catalogDatabase";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../../..");
const FIXTURES = path.join(ROOT, "test/fixtures");
const CLI = path.join(ROOT, "dist/src/cli/catalogReport.cli.js");

let testDb: TestDatabase;
let catalog: RunningCatalog;
let adminKey: string;
let editorKey: string;
let stopped = false;
/** What the GraphQL query answered an admin with limit 2, and the table counts then, for the command to match. */
let answered: Record<string, any>;
let countsBefore: Record<string, number>;

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
  testDb = await createTestDatabase();
  // The four formats' fixtures, seeded as one catalog: gpt-4.1-mini is stated by all of them.
  catalog = await bootstrap({ port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: FIXTURES, seedOnStart: true }, silentLogger);
  const keys = new ApiKeyService(new ApiKeyRepository(catalog.database.prisma));
  adminKey = (await keys.create("quality-admin", "ADMIN")).key;
  editorKey = (await keys.create("quality-editor", "EDITOR")).key;
  // The fixtures' documents of the same authority agree (issue 12: only real conflicts), so an admin's
  // value that no document states makes the one conflict the report counts: a resolved one.
  const resolved = await gql(
    `mutation { resolveConflict(entityType: MODEL, entityId: "gpt-4.1-mini", field: "knowledgeCutoff", value: "2024-05-01", reason: "the author's own card") { rule } }`,
    adminKey,
  );
  if (resolved.errors) throw new Error(resolved.errors[0].message);
});

afterAll(async () => {
  if (!stopped) await catalog?.stop();
  await testDb?.drop();
});

type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

async function gql(query: string, key?: string): Promise<Result> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(catalog.url, { method: "POST", headers, body: JSON.stringify({ query }) });
  return (await response.json()) as Result;
}

const REPORT = `query Report($limit: Int) {
  catalogReport(limit: $limit) {
    limit
    headline { models offerings prices currentPrices providers authors sources conflicts }
    duplicates { groups records surplus surplusPercent list { key modelIds } }
    conflicts { total open resolved fields byField { name label count example } byPattern { name label count example } byDissent { name count } byWinnerRole { name count } byEntityType { name count } }
    withoutContextWindow { count onAnOffering modelIds }
    withoutPrice { count withoutOfferings modelIds }
    idleSources { documents withoutFacts withoutChosenFacts list { uri format facts } }
  }
}`;

/** Runs the report command against the test database, the way `npm run catalog:report` does. */
function runCli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "error" };
  delete env.DATABASE_URL;
  delete env.CATALOG_DATA_DIR;
  if (testDb.target.kind === "postgresql") env.DATABASE_URL = testDb.target.url;
  else env.CATALOG_DATA_DIR = testDb.target.dataDir;
  return spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8" });
}

describe("the catalog quality report over GraphQL", () => {
  it("is refused with UNAUTHENTICATED without a key and FORBIDDEN with an editor's", async () => {
    expect((await gql(`{ catalogReport { limit } }`)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const editor = await gql(`{ catalogReport { limit } }`, editorKey);
    expect(editor.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(editor.data?.catalogReport ?? null).toBeNull();
  });

  it("gives an admin the headline figures of the seeded fixtures, the conflicts counted every way, and lists cut at the limit", async () => {
    const response = await fetch(catalog.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ query: REPORT, variables: { limit: 2 } }),
    });
    const { data, errors } = (await response.json()) as Result;
    expect(errors).toBeUndefined();
    const report = data!.catalogReport;
    const counts = await tableCounts(catalog.database);
    answered = report;
    countsBefore = counts;
    expect(report.limit).toBe(2);
    expect(report.headline).toMatchObject({ models: counts.Model, offerings: counts.Offering, prices: counts.Price, sources: counts.Source });
    expect(report.headline.conflicts).toBe(report.conflicts.total);
    expect(report.conflicts.total).toBeGreaterThan(0);
    expect(report.conflicts.open + report.conflicts.resolved).toBe(report.conflicts.total);
    for (const tally of ["byPattern", "byDissent", "byWinnerRole", "byEntityType"]) {
      expect(report.conflicts[tally].reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(report.conflicts.total);
    }
    expect(report.conflicts.byField.length).toBeLessThanOrEqual(2);
    expect(report.withoutContextWindow.modelIds.length).toBe(Math.min(2, report.withoutContextWindow.count));
    expect(report.duplicates.surplus).toBe(report.duplicates.records - report.duplicates.groups);
    // OpenRouter's dated gpt-4o snapshots are models of their own: suspects, the largest group.
    expect(report.duplicates.list[0]).toEqual({ key: "4 gpt o", modelIds: ["gpt-4o", "gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20"] });
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("refuses a limit over 100 with BAD_USER_INPUT naming the argument", async () => {
    const result = await gql(`{ catalogReport(limit: 101) { limit } }`, adminKey);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });
});

describe("npm run catalog:report", () => {
  // The embedded database serves one process: the server lets go of it before the command opens it.
  beforeAll(async () => {
    await catalog.stop();
    stopped = true;
  });

  it("prints with --json what the GraphQL query answered, and changes nothing in the database", async () => {
    const result = runCli("--json", "--limit", "2");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.limit).toBe(2);
    expect(printed.headline).toEqual(answered.headline);
    expect(printed.duplicates).toEqual(answered.duplicates);
    expect(printed.withoutContextWindow).toEqual(answered.withoutContextWindow);
    expect(printed.withoutPrice).toEqual(answered.withoutPrice);
    expect(printed.idleSources).toEqual(answered.idleSources);
    for (const key of ["total", "open", "resolved", "fields", "byField", "byPattern"]) expect(printed.conflicts[key]).toEqual(answered.conflicts[key]);
    const database = await openDatabase(testDb.target);
    try {
      expect(await tableCounts(database)).toEqual(countsBefore);
    } finally {
      await database.close();
    }
  });

  it("prints the headline figures first as text", () => {
    const result = runCli("--limit", "1");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^Catalog quality report: /);
    expect(lines[2]).toMatch(/^Models [\d,]+ · offerings [\d,]+ · prices [\d,]+ \([\d,]+ current\) · providers [\d,]+ · authors [\d,]+ · sources [\d,]+ · conflicts [\d,]+$/);
    expect(result.stdout).toContain("Conflicts: ");
    expect(result.stdout).toContain("Models without a model-level context window: ");
    expect(result.stdout).toContain("Documents that contributed nothing: ");
  });

  it("refuses a bad --limit with usage and exit code 2", () => {
    const result = runCli("--limit", "many");
    expect(result.stderr).toContain('--limit must be a whole number from 0 to 100, got "many"');
    expect(result.stderr).toContain("usage:");
    expect(result.status).toBe(2);
  });
});
