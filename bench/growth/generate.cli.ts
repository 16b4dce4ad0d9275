// node dist/bench/growth/generate.cli.js --factor 10 [--seed 1] [--force]
// Builds catalog_growth_<factor>x (and catalog_growth_1x, the real catalog it copies, when missing) on the
// PostgreSQL server GROWTH_PG_URL names (default postgresql://postgres:postgres@127.0.0.1:5432).
import { ensureGrowthDatabase } from "./growthDatabases";
import { maskUrl } from "./postgresAdmin";

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: node dist/bench/growth/generate.cli.js --factor N [--seed S] [--force]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let factor: number | undefined;
  let seed = 1;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--factor") factor = Number(args[++i]);
    else if (arg === "--seed") seed = Number(args[++i]);
    else if (arg === "--force") force = true;
    else usage(`Unknown argument ${arg}`);
  }
  if (factor === undefined || !Number.isInteger(factor) || factor < 2) usage("--factor must be a whole number ≥ 2");
  if (!Number.isInteger(seed)) usage("--seed must be a whole number");
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const report = await ensureGrowthDatabase(factor, { seed, force, log });
  log(report.builtMs === undefined ? `${report.name} exists and is complete (--force rebuilds it): ${maskUrl(report.url)}` : `Built ${maskUrl(report.url)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
