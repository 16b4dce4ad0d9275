// Our server as the benchmark uses it: built with the project's own build, then started once on an
// empty database to migrate and seed itself (not measured); every measured start after that is a cold
// start on a seeded database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Contender } from "./contender";
import { startContender, stopContender } from "./measure";
import { ROOT } from "./paths";
import type { ServeSettings } from "./settings";

/** `tsc -p tsconfig.build.json` (dist/src/main.js); returns the milliseconds it took, throws with tsc's output. */
export function buildOurServer(): number {
  const started = performance.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? "";
    throw new Error(`our server does not build (tsc -p tsconfig.build.json):\n${output.split("\n").slice(0, 20).join("\n")}`);
  }
  if (!fs.existsSync(path.join(ROOT, "dist", "src", "main.js"))) throw new Error("the build left no dist/src/main.js");
  return performance.now() - started;
}

export interface Seeded {
  /** Spawn to the first health answer on an empty database (migrate + seed). */
  firstStartMs: number;
  killedOnStop: boolean;
}

/**
 * Starts our server on its empty database so that it migrates and seeds itself, runs `whileUp` against
 * it (recording answers, exporting the catalog), and stops it.
 */
export async function seedOurServer(contender: Contender, settings: ServeSettings, whileUp?: (baseUrl: string) => Promise<void>): Promise<Seeded> {
  const running = await startContender({ ...contender, startTimeoutMs: settings.seedTimeoutS * 1000 });
  let killed = false;
  try {
    await whileUp?.(running.baseUrl);
  } finally {
    killed = await stopContender(contender, running, settings);
  }
  return { firstStartMs: running.startMs, killedOnStop: killed };
}
