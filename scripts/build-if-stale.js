// Builds the server (tsc -p tsconfig.build.json) only when a source is newer than the last build, so that
// a second `npm start` answers in about a second instead of waiting for the compiler. "Sources" are what
// the build reads: src/ (the generated Prisma client included), and the TypeScript and package settings.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const stamp = path.join(root, "dist", ".build-stamp");

function newest(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((latest, name) => Math.max(latest, newest(path.join(target, name))), stat.mtimeMs);
}

const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...["src", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"].map((p) => newest(path.join(root, p))));
if (changed > built) {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
}
