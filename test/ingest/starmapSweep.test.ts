import fs from "node:fs";
import path from "node:path";
import { parseStarmapPage } from "../../src/ingest/starmap/starmapPage.parser";

/** The seed copy of Starmap's generated catalog (docs/catalog at commit e0a5afdb). */
const CATALOG = path.join(__dirname, "../../seed/starmap");

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

const pages = fs.existsSync(CATALOG) ? markdownFiles(CATALOG).map((f) => path.relative(CATALOG, f).split(path.sep).join("/")) : [];
const sweep = describe;

sweep("the Starmap page parser on every page of the catalog copy", () => {
  const parsed = pages.map((origin) => {
    const text = fs.readFileSync(path.join(CATALOG, origin), "utf8");
    try {
      return { origin, doc: parseStarmapPage(text, origin) };
    } catch (error) {
      return { origin, error: (error as Error).message };
    }
  });
  const isModelPage = (origin: string) => /^(authors|providers)\/[^/]+\/models\/.+\.md$/.test(origin);

  it("parses every page without throwing", () => {
    expect(parsed.filter((p) => "error" in p)).toEqual([]);
  });

  it("reads one model with a ref, and at least one offering, from every model page", () => {
    const modelPages = parsed.filter((p) => isModelPage(p.origin));
    expect(modelPages.length).toBeGreaterThan(500);
    const lacking = modelPages.filter((p) => !p.doc || p.doc.models.length !== 1 || p.doc.models[0].ref === "" || p.doc.offerings.length === 0);
    expect(lacking.map((p) => p.origin)).toEqual([]);
  });

  it("reads no model from the other pages, and reports no issue anywhere", () => {
    const others = parsed.filter((p) => !isModelPage(p.origin));
    expect(others.filter((p) => (p.doc?.models.length ?? 0) > 0).map((p) => p.origin)).toEqual([]);
    expect(parsed.flatMap((p) => p.doc?.issues.map((i) => `${p.origin} ${i.locator}: ${i.message}`) ?? [])).toEqual([]);
  });

  it("gives every provider and author README its id", () => {
    const readme = (section: string) => parsed.filter((p) => new RegExp(`^${section}/[^/]+/(README|_index)\\.md$`).test(p.origin));
    for (const p of readme("providers")) expect(p.doc?.providers.map((x) => x.id)).toEqual([p.origin.split("/")[1]]);
    for (const p of readme("authors")) expect(p.doc?.authors.map((x) => x.id)).toEqual([p.origin.split("/")[1]]);
  });
});
