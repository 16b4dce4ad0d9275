import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase } from "../../src/db/database";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { applyMigrations } from "../../src/db/migrations/migrationRunner";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// A real server process, the built one as `npm start` runs it, started without NODE_ENV=test: Apollo
// installs its own signal handlers only outside tests, and a fault that ends the process can only be
// seen from outside it.
jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");
/** A build of its own, inside the project so that the server finds prisma/ and node_modules/ from it. */
const OUT = path.join(ROOT, ".test-build", `shutdown-${process.pid}`);

let testDb: TestDatabase;

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", OUT], { cwd: ROOT });
  testDb = await createTestDatabase();
});

afterAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  await testDb?.drop();
});

function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<{ child: ReturnType<typeof spawn>; url: string; log: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", CATALOG_SEED_ON_START: "false", ...extraEnv };
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  if (testDb.target.kind === "postgresql") env.DATABASE_URL = testDb.target.url;
  else env.CATALOG_DATA_DIR = extraEnv.CATALOG_DATA_DIR ?? testDb.target.dataDir;
  const child = spawn(process.execPath, [path.join(OUT, "src/main.js")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.match(/Model catalog ready at (http:\/\/[^\s"]+)/);
      if (ready) resolve({ child, url: ready[1], log: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
}

function exitOf(child: ReturnType<typeof spawn>, withinMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`did not exit within ${withinMs} ms`));
    }, withinMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe("a server process stopped by a signal (no NODE_ENV=test, so Apollo's own handlers would be there)", () => {
  it.each(["SIGTERM", "SIGINT", "SIGTERM"] as const)("stops on %s: answers until then, exits 0, and frees the database and its lock", async (signal) => {
    const { child, url, log } = await startServer();
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ health { status } }" }) });
    expect(response.status).toBe(200);
    child.kill(signal);
    expect(await exitOf(child, 15_000)).toBe(0);
    expect(log()).toContain(`${signal} received, shutting down`);
    if (testDb.target.kind === "pglite") expect(fs.existsSync(path.join(testDb.target.dataDir, ".catalog.lock"))).toBe(false);
  });
});

describe("a server process stopped while requests are in flight", () => {
  it("lets a request whose body is still arriving finish within the grace period, refuses new connections, then exits 0", async () => {
    const { child, url } = await startServer({ CATALOG_SHUTDOWN_GRACE_SECONDS: "10" });
    const body = JSON.stringify({ query: "{ health { status } }" });
    // Half the body now, the rest after the signal: the request is in flight when SIGTERM arrives.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 500);
      }, 200);
    });
    const exited = exitOf(child, 15_000);

    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text).data).toEqual({ health: { status: "ok" } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).rejects.toThrow();
    expect(await exited).toBe(0);
  });
});

(usingPostgres() ? describe : describe.skip)("a server process whose database connections are cut", () => {
  it("stays up: reads keep answering, the database is reached again, and the process still stops cleanly", async () => {
    const { child, url } = await startServer();
    const ask = async (query: string) => (await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })).json()) as any;
    // Some database work first, so that the pool holds idle connections when they are cut.
    await Promise.all(Array.from({ length: 5 }, () => ask("{ health { status } }")));
    const admin = new Client({ connectionString: (testDb.target as { url: string }).url });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT count(*)::int AS cut FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t`);
      expect(rows[0].cut).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.exitCode).toBeNull();
    expect((await ask(`{ model(id: "gpt-4.1-mini") { id } }`)).errors).toBeUndefined();
    let status: string | undefined;
    for (let i = 0; i < 50 && status !== "ok"; i++) {
      status = (await ask("{ health { status } }")).data?.health?.status;
      if (status !== "ok") await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe("ok");
    child.kill("SIGTERM");
    expect(await exitOf(child, 15_000)).toBe(0);
  });
});

(usingPostgres() ? describe.skip : describe)("a first start on an empty embedded database", () => {
  const FIXTURES = path.join(ROOT, "test/fixtures");
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "catalog-first-start-"));

  it("seeds in a child process that exits, then serves the seeded catalog from its own process", async () => {
    const dataDir = freshDir();
    try {
      const { child, url, log } = await startServer({ CATALOG_SEED_ON_START: "true", CATALOG_SEED_DIR: FIXTURES, CATALOG_DATA_DIR: dataDir });
      const lines = log().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
      const seeded = lines.find((l) => String(l.msg).startsWith("Seeded the catalog"));
      const ready = lines.find((l) => String(l.msg).startsWith("Model catalog ready"));
      expect(lines.some((l) => l.msg === "Seeding the empty embedded database in a child process")).toBe(true);
      expect(seeded.models).toBeGreaterThan(0);
      expect(seeded.pid).not.toBe(ready.pid);
      expect(ready.pid).toBe(child.pid);
      const answer = (await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ models(first: 1) { totalCount } }" }) })).json()) as any;
      expect(answer.data.models.totalCount).toBeGreaterThan(0);
      child.kill("SIGTERM");
      expect(await exitOf(child, 15_000)).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("completes a seed that stopped halfway in a child process too, and a start after a complete seed starts none", async () => {
    const dataDir = freshDir();
    try {
      // A first start stopped after the database was made but before its seed completed.
      const database = await openDatabase({ kind: "pglite", dataDir }, "load");
      await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), silentLogger);
      await database.close();
      const env = { CATALOG_SEED_ON_START: "true", CATALOG_SEED_DIR: FIXTURES, CATALOG_DATA_DIR: dataDir };

      const resumed = await startServer(env);
      const lines = resumed.log().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
      const seeded = lines.find((l) => String(l.msg).startsWith("Seeded the catalog"));
      const ready = lines.find((l) => String(l.msg).startsWith("Model catalog ready"));
      expect(lines.some((l) => l.msg === "Completing the embedded database's seed in a child process")).toBe(true);
      expect(seeded.models).toBeGreaterThan(0);
      expect(seeded.pid).not.toBe(ready.pid);
      resumed.child.kill("SIGTERM");
      expect(await exitOf(resumed.child, 15_000)).toBe(0);

      const again = await startServer(env);
      expect(again.log()).not.toContain("in a child process");
      expect(again.log()).not.toContain("Seeded the catalog");
      again.child.kill("SIGTERM");
      expect(await exitOf(again.child, 15_000)).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
