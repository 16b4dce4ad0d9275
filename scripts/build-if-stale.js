// Builds the server (tsc -p tsconfig.build.json) only when a source is newer than the last build, so that
// a second `npm start` answers in about a second instead of waiting for the compiler. "Sources" are what
// the build reads: src/ (the generated Prisma client included), and the TypeScript and package settings.
// The catalog page's bundle (scripts/build-web.js, from src/web/) is rebuilt the same way, on its own
// stamp, its manifest: a change to the page alone does not recompile the server, nor the reverse.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const stamp = path.join(root, "dist", ".build-stamp");

const webSource = path.join(root, "src", "web");
const webManifest = path.join(root, "dist", "web", "manifest.json");

function newest(target, skip = "") {
  if (target === skip) return 0;
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((latest, name) => Math.max(latest, newest(path.join(target, name), skip)), stat.mtimeMs);
}

const settings = ["tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"].map((p) => newest(path.join(root, p)));
const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(newest(path.join(root, "src"), webSource), ...settings);
if (changed > built) {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
}

const webBuilt = fs.statSync(webManifest, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const webChanged = Math.max(newest(webSource), newest(path.join(root, "scripts", "build-web.js")), newest(path.join(root, "package-lock.json")));
if (webChanged > webBuilt) {
  execFileSync(process.execPath, [path.join(root, "scripts", "build-web.js")], { cwd: root, stdio: "inherit" });
}
