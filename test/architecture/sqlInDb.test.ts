import fs from "node:fs";
import path from "node:path";

const src = path.resolve(__dirname, "../../src");

/** Files whose SQL has not yet moved into src/db (none left; list one here only with a reason). */
const NOT_YET_MOVED: string[] = [];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// A statement run on a SqlSession (`tx.query(...)`, `sql.query<Row>(...)`), through the Prisma client's raw
// API, or built with the bulk-statement and SQL-text helpers.
const SQL = [
  /\b(?:tx|sql|session|client|pool)\s*\.\s*(?:query|exec)\s*(?:<[^>]*>)?\s*\(/,
  /\$(?:queryRaw|executeRaw)(?:Unsafe)?\b/,
  /^import\s+(?!type\b).*from\s+["'][./]*db\/(?:bulkRows|sqlText|keysetQuery)["']/,
];

describe("SQL lives in src/db (typed repositories); services hold rules, not statements", () => {
  it("finds no statement, raw client call or SQL helper outside src/db", () => {
    const violations = sourceFiles(src)
      .map((file) => path.relative(src, file).split(path.sep).join("/"))
      .filter((file) => !file.startsWith("db/") && !NOT_YET_MOVED.some((folder) => file.startsWith(folder)))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(src, file), "utf8")
          .split("\n")
          .flatMap((line, i) => (SQL.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(violations).toEqual([]);
  });
});
