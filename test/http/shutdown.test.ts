import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase";

// Apollo installs its own signal handlers only outside NODE_ENV=test, so a shutdown can only be seen
// in a real child process started without it: here, the built server, as `npm start` runs it.
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

function startServer(): Promise<{ child: ReturnType<typeof spawn>; url: string; log: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", CATALOG_SEED_ON_START: "false" };
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  if (testDb.target.kind === "postgresql") env.DATABASE_URL = testDb.target.url;
  else env.CATALOG_DATA_DIR = testDb.target.dataDir;
  const child = spawn(process.execPath, [path.join(OUT, "src/main.js")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.match(/Model catalog ready at (http:\/\/\S+)/);
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
