import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { CATALOG_PAGE_CSP } from "../../src/http/catalogPage/catalogPage";
import { DEFAULT_ROUTE, parseRoute, routeHref, withChanges } from "../../src/web/route";
import { startTestServer, type TestServer } from "../support/testServer";

const ROOT = path.resolve(__dirname, "../..");
const WEB_DIR = path.join(ROOT, "dist", "web");
const BUDGET_GZIP_BYTES = 150 * 1024;

/** Builds the page's bundle as `npm run build` does, and returns its manifest. */
function buildCatalogPage(): { script: string; style: string; gzipBytes: number } {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-web.js"), "--quiet"], { cwd: ROOT, stdio: "inherit" });
  return JSON.parse(fs.readFileSync(path.join(WEB_DIR, "manifest.json"), "utf8"));
}

describe("the catalog page's bundle", () => {
  it("is built from src/web into one hashed script and one hashed stylesheet, under 150 KB of JS and CSS gzipped", () => {
    const manifest = buildCatalogPage();
    expect(manifest.script).toMatch(/^app-[A-Z0-9]+\.js$/);
    expect(manifest.style).toMatch(/^styles-[A-Z0-9]+\.css$/);
    const gzipped = [manifest.script, manifest.style].map((name) => zlib.gzipSync(fs.readFileSync(path.join(WEB_DIR, name)), { level: 9 }).length);
    const total = gzipped[0] + gzipped[1];
    console.log(`catalog page bundle: ${(gzipped[0] / 1024).toFixed(1)} KB JS + ${(gzipped[1] / 1024).toFixed(1)} KB CSS gzipped = ${(total / 1024).toFixed(1)} KB (budget 150 KB)`);
    expect(manifest.gzipBytes).toBe(total);
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
  });

  it("loads nothing from another origin: the script names no http(s) URL it could fetch", () => {
    const manifest = buildCatalogPage();
    const script = fs.readFileSync(path.join(WEB_DIR, manifest.script), "utf8");
    expect(script).toContain('fetch("/graphql"');
    expect(script.match(/fetch\([^)]*https?:/g)).toBeNull();
  });
});

describe("the catalog page over HTTP", () => {
  let server: TestServer;
  let base: string;
  let manifest: { script: string; style: string };

  beforeAll(async () => {
    manifest = buildCatalogPage();
    server = await startTestServer();
    base = new URL(server.catalog.url).origin;
  });
  afterAll(() => server?.stop());

  it("answers GET / with the page: HTML naming its script and stylesheet, a strict Content-Security-Policy, revalidated by ETag", async () => {
    const response = await fetch(`${base}/?view=model&id=gpt-4.1-mini`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(CATALOG_PAGE_CSP);
    expect(CATALOG_PAGE_CSP).toContain("script-src 'self';");
    expect(CATALOG_PAGE_CSP).toContain("connect-src 'self';");
    expect(CATALOG_PAGE_CSP).not.toContain("unsafe");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const html = await response.text();
    expect(html).toContain(`<script defer src="/assets/${manifest.script}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/assets/${manifest.style}">`);
    expect(html).not.toMatch(/<script>|<style>| style="/);

    const again = await fetch(`${base}/`, { headers: { "if-none-match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("serves the bundle under /assets/ with a year-long immutable cache, compressed with brotli", async () => {
    const response = await fetch(`${base}/assets/${manifest.script}`, { headers: { "accept-encoding": "br" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(WEB_DIR, manifest.script)))).toBe(true);

    const style = await fetch(`${base}/assets/${manifest.style}`);
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it.each([
    ["an unknown asset", "/assets/app-UNKNOWN.js"],
    ["a path climbing out of the folder", "/assets/..%2fmanifest.json"],
    ["the manifest", "/assets/manifest.json"],
  ])("answers %s (%s) with 404", async (_what, where) => {
    expect((await fetch(`${base}${where}`)).status).toBe(404);
  });

  it("refuses other methods than GET and HEAD on the page with 405", async () => {
    const response = await fetch(`${base}/`, { method: "POST", body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  it("still answers 404 in JSON for paths that are neither the page nor the API", async () => {
    const response = await fetch(`${base}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No route for /nowhere; the API is at /graphql" });
  });
});

describe("the page's URL state (src/web/route.ts)", () => {
  it("writes only what differs from the defaults, and reads back what it wrote", () => {
    const route = { ...DEFAULT_ROUTE, q: "gpt 4.1 mini", caps: ["tool_calls", "vision"], sort: "input" as const, pick: ["gpt-4.1-mini", "gpt-4o"] };
    const href = routeHref(route);
    expect(href).toBe("/?q=gpt+4.1+mini&caps=tool_calls,vision&sort=input&pick=gpt-4.1-mini,gpt-4o");
    expect(parseRoute(href.slice(1))).toEqual(route);
    expect(routeHref(DEFAULT_ROUTE)).toBe("/");
  });

  it("falls back to the defaults for unknown views, sorts and modes, and keeps at most four picked models", () => {
    const route = parseRoute("?view=admin&sort=cost&mode=CHEAP&pick=a,b,c,d,e,a");
    expect(route.view).toBe("find");
    expect(route.sort).toBe("name");
    expect(route.mode).toBe("STANDARD");
    expect(route.pick).toEqual(["a", "b", "c", "d"]);
  });

  it("goes back to the first page when the search or a filter changes, not when a page is turned", () => {
    const onPage2 = { ...DEFAULT_ROUTE, after: "cursor" };
    expect(withChanges(onPage2, { caps: ["tool_calls"] }).after).toBe("");
    expect(withChanges(onPage2, { pick: ["gpt-4o"] }).after).toBe("cursor");
    expect(withChanges(DEFAULT_ROUTE, { after: "next" }).after).toBe("next");
  });
});
