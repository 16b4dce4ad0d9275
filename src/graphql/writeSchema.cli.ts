import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { findUp } from "../projectRoot";
import { catalogSchemaSdl } from "./schemaSdl";

/** `npm run schema`: writes the public schema to schema.graphql at the project root. */
async function main(): Promise<void> {
  const root = findUp("package.json", __dirname);
  if (!root) throw new Error("no package.json above this script");
  const file = path.join(root, "schema.graphql");
  fs.writeFileSync(file, await catalogSchemaSdl());
  process.stdout.write(`Wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
