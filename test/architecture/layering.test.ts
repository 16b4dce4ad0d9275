import fs from "node:fs";
import path from "node:path";

const src = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
}

/** Resolves a relative import to the top-level folder of src/ it lands in ("catalog", "http", ...). */
function layerOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = path.relative(src, path.resolve(path.dirname(file), specifier));
  return target.startsWith("..") ? undefined : target.split(path.sep)[0];
}

const rules: { layer: string; mayNotImportLayers: string[]; mayNotImportPackages: RegExp }[] = [
  { layer: "catalog", mayNotImportLayers: ["graphql", "http", "main", "cli"], mayNotImportPackages: /^(graphql|type-graphql|@apollo\/|graphql-)/ },
  { layer: "ingest", mayNotImportLayers: ["graphql", "http", "db", "main", "catalog", "cli"], mayNotImportPackages: /^(graphql|type-graphql|@apollo\/|@prisma\/|pg$|@electric-sql\/)/ },
  { layer: "db", mayNotImportLayers: ["catalog", "graphql", "http", "ingest", "main"], mayNotImportPackages: /^(graphql|type-graphql|@apollo\/)/ },
  { layer: "graphql", mayNotImportLayers: ["http", "main", "db", "cli"], mayNotImportPackages: /^(@prisma\/|pg$|@electric-sql\/)/ },
  { layer: "cli", mayNotImportLayers: ["graphql", "http", "main"], mayNotImportPackages: /^(graphql|type-graphql|@apollo\/)/ },
  // The catalog page runs in browsers and knows the server only through the public API over HTTP.
  {
    layer: "web",
    mayNotImportLayers: ["catalog", "cli", "config", "db", "graphql", "http", "ingest", "logger", "main", "projectRoot", "version"],
    mayNotImportPackages: /^(?!preact($|\/))/,
  },
];

describe("the layering of src/ (http → graphql → catalog ← ingest; db serves catalog)", () => {
  it.each(rules)("keeps $layer free of what it may not import", ({ layer, mayNotImportLayers, mayNotImportPackages }) => {
    const violations = sourceFiles(path.join(src, layer)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          const target = layerOf(file, spec);
          return target ? mayNotImportLayers.includes(target.replace(/\.ts$/, "")) : mayNotImportPackages.test(spec);
        })
        .map((spec) => `${path.relative(src, file)} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });
});
