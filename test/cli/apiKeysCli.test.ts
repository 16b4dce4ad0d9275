import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { openDatabase, type Database } from "../../src/db/database";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "dist/src/cli/apiKeys.cli.js");

describe("the api-keys command", () => {
  let testDb: TestDatabase;
  let key: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
    testDb = await createTestDatabase();
  });

  afterAll(() => testDb.drop());

  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "error" };
    delete env.DATABASE_URL;
    if (testDb.target.kind === "postgresql") env.DATABASE_URL = testDb.target.url;
    else env.CATALOG_DATA_DIR = testDb.target.dataDir;
    return spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8" });
  };

  /** Opens the CLI's database in this process; PGlite allows one opener at a time, so close before the next run. */
  async function withService<T>(work: (apiKeys: ApiKeyService, database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(testDb.target);
    try {
      return await work(new ApiKeyService(new ApiKeyRepository(database.prisma)), database);
    } finally {
      await database.close();
    }
  }

  it("creates a key, printing it alone on stdout and a once-only note on stderr, and the key authenticates", async () => {
    const result = run("create", "--name", "ci-bot", "--role", "editor");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^mck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}\n$/);
    key = result.stdout.trim();
    expect(result.stderr).toContain(`Created EDITOR key "ci-bot" (prefix ${key.slice(4, 16)}). This is the only time the key is shown: store it now.`);
    const authentication = await withService((apiKeys) => apiKeys.authenticate(`Bearer ${key}`));
    expect(authentication).toEqual({ viewer: { apiKeyId: expect.any(String), name: "ci-bot", role: "EDITOR" } });
  });

  it("refuses a second key with the same name and exits 1", () => {
    const result = run("create", "--name", "ci-bot", "--role", "admin");
    expect(result.stderr).toContain('An API key named "ci-bot" already exists');
    expect(result.stdout).toBe("");
    expect(result.status).toBe(1);
  });

  it("lists the keys as a table with no secret", () => {
    expect(run("create", "--name", "ops", "--role", "ADMIN").status).toBe(0);
    const result = run("list");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME +ROLE +PREFIX +CREATED +LAST USED +REVOKED$/);
    expect(lines[1]).toMatch(new RegExp(`^ci-bot +EDITOR +${key.slice(4, 16)} +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\S+ +-$`));
    expect(lines[2]).toMatch(/^ops +ADMIN +[0-9a-f]{12} +\S+ +never +-$/);
    expect(lines).toHaveLength(3);
    expect(result.stdout).not.toContain(key.slice(17));
  });

  it("revokes a key by name, after which it authenticates as REVOKED", async () => {
    const result = run("revoke", "ci-bot");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Revoked EDITOR key "ci-bot" \\(prefix ${key.slice(4, 16)}\\) at \\S+Z\\n$`));
    const authentication = await withService((apiKeys) => apiKeys.authenticate(`Bearer ${key}`));
    expect(authentication).toMatchObject({ failure: "REVOKED" });
    expect(run("list").stdout).toMatch(/^ci-bot +EDITOR .* \d{4}-\d\d-\d\dT\S+Z$/m);
  });

  it("exits 1 when revoking a key that does not exist", () => {
    const result = run("revoke", "nobody");
    expect(result.stderr).toContain('No API key with id "nobody"');
    expect(result.status).toBe(1);
  });

  it.each([
    [["create", "--name", "x"], "create needs --role admin|editor"],
    [["create", "--role", "admin"], "create needs --name NAME"],
    [["create", "--name", "x", "--role", "owner"], '--role must be admin or editor, got "owner"'],
    [["revoke"], "revoke needs exactly one key name or prefix"],
    [["list", "extra"], "list takes no arguments"],
    [["list", "--colour"], "Unknown option '--colour'"],
    [["rotate"], 'unknown command "rotate"'],
    [[], 'unknown command ""'],
  ])("refuses %j with usage and exit code 2", (args, message) => {
    const result = run(...args);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("usage:");
    expect(result.status).toBe(2);
  });

  it("exits 78 on bad configuration", () => {
    const result = spawnSync(process.execPath, [CLI, "list"], { env: { ...process.env, LOG_LEVEL: "loud" }, encoding: "utf8" });
    expect(result.status).toBe(78);
  });
});
