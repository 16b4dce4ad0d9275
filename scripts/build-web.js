// Bundles the catalog page (src/web/, Preact and TSX) for browsers with esbuild into dist/web/: one
// script and one stylesheet, each named by a hash of its bytes (so the server may let browsers cache them
// for good), and manifest.json naming them, which the server reads (src/http/catalogPage/). Only the
// browser app goes through esbuild: the server is compiled by tsc, whose decorator metadata
// type-graphql needs. Prints the gzipped size and fails past the budget (150 KB of JS and CSS gzipped).
const esbuild = require("esbuild");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const root = path.join(__dirname, "..");
const webSource = path.join(root, "src", "web");
const outdir = path.join(root, "dist", "web");
const BUDGET_GZIP_BYTES = 150 * 1024;

/** Builds the bundle; returns the manifest written (file names and their sizes, raw and gzipped). */
async function buildWebApp({ quiet = false } = {}) {
  fs.mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: path.join(webSource, "main.tsx"), styles: path.join(webSource, "styles.css") },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    jsx: "automatic",
    jsxImportSource: "preact",
    entryNames: "[name]-[hash]",
    outdir,
    metafile: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((name) => name.startsWith("app-") && name.endsWith(".js"));
  const style = outputs.find((name) => name.startsWith("styles-") && name.endsWith(".css"));
  if (!script || !style) throw new Error(`esbuild wrote ${outputs.join(", ")}: expected app-*.js and styles-*.css`);
  const sizes = {};
  for (const name of [script, style]) {
    const bytes = fs.readFileSync(path.join(outdir, name));
    sizes[name] = { bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  }
  const gzipBytes = sizes[script].gzipBytes + sizes[style].gzipBytes;
  const manifest = { script, style, sizes, gzipBytes };
  // Written whole and renamed, so a server reading it never sees half a file.
  const staged = path.join(outdir, `manifest.json.${process.pid}`);
  fs.writeFileSync(staged, JSON.stringify(manifest, null, 2) + "\n");
  fs.renameSync(staged, path.join(outdir, "manifest.json"));
  // Bundles of earlier builds are dropped once they are an hour old (a running server may still serve them).
  for (const name of fs.readdirSync(outdir)) {
    if (name === script || name === style || name === "manifest.json") continue;
    const file = path.join(outdir, name);
    if (Date.now() - fs.statSync(file).mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
  }
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `catalog page: ${script} ${kb(sizes[script].gzipBytes)} + ${style} ${kb(sizes[style].gzipBytes)} gzipped = ${kb(gzipBytes)} (budget ${kb(BUDGET_GZIP_BYTES)})`,
    );
  }
  if (gzipBytes > BUDGET_GZIP_BYTES) throw new Error(`The catalog page's JS and CSS are ${gzipBytes} bytes gzipped, over the budget of ${BUDGET_GZIP_BYTES}`);
  return manifest;
}

module.exports = { buildWebApp, BUDGET_GZIP_BYTES, webSource, outdir };

if (require.main === module) {
  buildWebApp({ quiet: process.argv.includes("--quiet") }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
