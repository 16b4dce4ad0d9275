// Generates the Prisma client. The CLI insists on a well-formed DATABASE_URL even though generating
// connects to nothing; without one it tries to download engines, which fails offline.
const { execFileSync } = require("node:child_process");

const env = { ...process.env };
if (!env.DATABASE_URL) env.DATABASE_URL = "postgresql://generate:generate@localhost:5432/generate";
execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], { stdio: "inherit", env });
