import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase";
import { SEED_DIR } from "../support/catalogDatabase";
import { DOCUMENT_FORMATS } from "../../src/ingest/formatRegistry";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "dist/src/cli/import.cli.js");

describe("the import and seed commands", () => {
  let testDb: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
    testDb = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-cli-"));
    fs.mkdirSync(path.join(dir, "openrouter"));
    fs.copyFileSync(path.join(SEED_DIR, "openrouter/models.json"), path.join(dir, "openrouter/models.json"));
    fs.writeFileSync(path.join(dir, "empty.md"), "");
  });

  afterAll(() => testDb.drop());

  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CATALOG_SEED_DIR: dir, LOG_LEVEL: "error" };
    delete env.DATABASE_URL;
    if (testDb.target.kind === "postgresql") env.DATABASE_URL = testDb.target.url;
    else env.CATALOG_DATA_DIR = testDb.target.dataDir;
    return spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8" });
  };

  it("imports a folder, prints the summary with the failed file and its reason, and exits 1", () => {
    const result = run("import", dir);
    expect(result.stdout).toContain("Documents  2 read: 1 loaded, 0 unchanged, 0 skipped, 1 failed");
    expect(result.stdout).toMatch(/Models +\d+ created, 0 updated, 0 unchanged/);
    expect(result.stdout).toContain("Failed:\n  empty.md: empty document");
    expect(result.stderr).toContain("1 file(s) failed");
    expect(result.status).toBe(1);
  });

  it("exits 0 with --tolerate-failures, and finds the unchanged document unchanged", () => {
    const result = run("import", "--tolerate-failures", "--format", "openrouter", path.join(dir, "openrouter/models.json"));
    expect(result.stdout).toContain("Documents  1 read: 0 loaded, 1 unchanged, 0 skipped, 0 failed");
    expect(result.status).toBe(0);
  });

  it("seeds the configured seed folder", () => {
    const result = run("seed", "--tolerate-failures");
    expect(result.stdout).toContain("Documents  2 read: 0 loaded, 1 unchanged, 0 skipped, 1 failed");
    expect(result.status).toBe(0);
  });

  it.each([
    [["import", "--format", "yaml", "x"], '--format must be one of foundry, starmap, models-dev, openrouter, got "yaml"'],
    [["import"], "import needs at least one file or folder"],
    [["import", "--colour", "x"], "Unknown option '--colour'"],
    [["reseed"], 'unknown command "reseed"'],
  ])("refuses %j with usage and exit code 2", (args, message) => {
    const result = run(...args);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("usage:");
    expect(result.status).toBe(2);
  });

  it("lists every registered format in its usage, as the registry has them", () => {
    const result = run("import", "--help");
    expect(result.stdout).toContain(`npm run import -- [--format ${DOCUMENT_FORMATS.ids.join("|")}]`);
    expect(result.stdout).toContain("--format foundry|starmap|models-dev|openrouter");
    expect(result.status).toBe(0);
  });

  it("reports a path that does not exist as a failed file", () => {
    const result = run("import", path.join(dir, "nope.json"));
    expect(result.stdout).toContain("no such file or folder");
    expect(result.status).toBe(1);
  });
});
