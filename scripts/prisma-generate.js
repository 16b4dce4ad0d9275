// Generates the Prisma client and the schema's column description (scripts/prisma/schemaColumnsGenerator.js).
// The CLI insists on a well-formed DATABASE_URL even though generating connects to nothing; without one it
// tries to download engines, which fails offline. It runs from the project root, where the column
// generator's command (a path relative to the root) resolves.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const env = { ...process.env };
if (!env.DATABASE_URL) env.DATABASE_URL = "postgresql://generate:generate@localhost:5432/generate";
execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], { stdio: "inherit", env, cwd: path.resolve(__dirname, "..") });
