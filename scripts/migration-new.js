// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as last committed
// (or as in the file given with --from) to prisma/schema.prisma as it is now. Prisma's CLI diffs the two
// datamodels on its wasm engine; no database is needed. (Prisma's `--from-migrations` needs a shadow
// database, which its driver-adapter engine cannot feed multi-statement migrations.)
// test/db/schemaDrift.test.ts then proves that the migrations and the schema agree.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const fromFile = fromIndex >= 0 ? args.splice(fromIndex, 2)[1] : undefined;
const name = (args[0] || "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- <name_in_snake_case> [--from <old schema.prisma>]");
  process.exit(2);
}
const root = path.join(__dirname, "..");
let from = fromFile;
if (!from) {
  from = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
  fs.writeFileSync(from, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
}
const env = { ...process.env, DATABASE_URL: "postgresql://diff:diff@localhost:5432/diff" };
const sql = execFileSync(
  process.execPath,
  [require.resolve("prisma/build/index.js"), "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { env, encoding: "utf8", cwd: root },
);
if (sql.trim() === "" || /^-- This is an empty migration\./.test(sql.trim())) {
  console.log("The schema has not changed; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, "migration.sql"))}`);
