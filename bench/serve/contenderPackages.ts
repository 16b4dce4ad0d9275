// The contenders' packages live in bench/contenders with their own lock file, apart from the project's
// dependencies; they are installed from that lock the first time the benchmark needs them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CONTENDERS_DIR, MODERN_NODE } from "./paths";

/** Installs bench/contenders from its lock file unless it is installed; throws when npm fails. */
export function ensureContenderPackages(log: (line: string) => void): void {
  const installed = ["autocannon", "mercurius", "postgraphile"].every((name) => fs.existsSync(path.join(CONTENDERS_DIR, "node_modules", name, "package.json")));
  if (installed && fs.existsSync(MODERN_NODE)) return;
  log(`Installing the contenders' packages into ${path.relative(process.cwd(), CONTENDERS_DIR)} (npm ci) ...`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--prefix", CONTENDERS_DIR, "--no-audit", "--no-fund", "--loglevel=error", "--engine-strict=false"], { stdio: ["ignore", "inherit", "inherit"] });
}
