import fs from "node:fs";
import path from "node:path";
import type http from "node:http";
import { findUp } from "../../projectRoot";
import { sendRepresentation, etagOf, type Representation } from "../representation";

/** The page's path; its state is in the query string, so every view of it is this one URL. */
export const CATALOG_PAGE_PATH = "/";
/** Where the page's bundle is served; a name after it is looked up in the manifest, never joined to a path. */
export const CATALOG_PAGE_ASSETS_PREFIX = "/assets/";

/** What `npm run build` (scripts/build-web.js) writes beside the bundle. */
interface WebManifest {
  script: string;
  style: string;
}

/**
 * The page's policy: its own script and stylesheet only, no inline code of any kind, requests to its own
 * origin only (the API), and no framing. Styles set from script through the CSSOM (Preact's `style`
 * objects) are not inline styles, so 'unsafe-inline' is not needed.
 */
export const CATALOG_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const webDir = path.join(findUp("package.json", __dirname) ?? process.cwd(), "dist", "web");

interface LoadedPage {
  page: Representation;
  assets: Map<string, Representation>;
}

let loaded: Promise<LoadedPage> | undefined;

function asset(body: Buffer, contentType: string): Representation {
  return {
    status: 200,
    headers: [
      ["content-type", contentType],
      // The name holds a hash of the bytes: a URL always names the same file.
      ["cache-control", "public, max-age=31536000, immutable"],
      ["x-content-type-options", "nosniff"],
    ],
    body,
    encoded: new Map(),
    effort: "static",
  };
}

/** The HTML shell: a heading for the first paint, the stylesheet and the deferred script. */
export function renderCatalogPage(manifest: WebManifest): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Model Catalog</title>
<meta name="description" content="Find, compare and price AI models, with where every value came from.">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${CATALOG_PAGE_ASSETS_PREFIX}${manifest.style}">
<script defer src="${CATALOG_PAGE_ASSETS_PREFIX}${manifest.script}"></script>
</head>
<body>
<div id="app"><noscript><p>The catalog page needs JavaScript. The API itself is at <a href="/graphql">/graphql</a>.</p></noscript></div>
</body>
</html>
`;
}

/** Reads the built bundle once (it is small: about 60 KB) and keeps it with its compressed forms. */
async function load(): Promise<LoadedPage> {
  const manifest = JSON.parse(await fs.promises.readFile(path.join(webDir, "manifest.json"), "utf8")) as WebManifest;
  const [script, style] = await Promise.all([fs.promises.readFile(path.join(webDir, manifest.script)), fs.promises.readFile(path.join(webDir, manifest.style))]);
  const html = Buffer.from(renderCatalogPage(manifest));
  const page: Representation = {
    status: 200,
    headers: [
      ["content-type", "text/html; charset=utf-8"],
      ["content-security-policy", CATALOG_PAGE_CSP],
      ["cache-control", "no-cache"],
      ["x-content-type-options", "nosniff"],
      ["referrer-policy", "no-referrer"],
    ],
    body: html,
    etag: etagOf(html),
    encoded: new Map(),
    effort: "static",
  };
  const assets = new Map([
    [`${CATALOG_PAGE_ASSETS_PREFIX}${manifest.script}`, asset(script, "text/javascript; charset=utf-8")],
    [`${CATALOG_PAGE_ASSETS_PREFIX}${manifest.style}`, asset(style, "text/css; charset=utf-8")],
  ]);
  return { page, assets };
}

function loadOnce(): Promise<LoadedPage> {
  if (!loaded) {
    loaded = load();
    // Not built yet: ask the disk again next time rather than remember the failure.
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}

/**
 * Answers `GET /`: the catalog page (HTML with its Content-Security-Policy, revalidated on every visit
 * by its ETag), or 503 in words when the bundle has not been built. 405 for methods other than GET and HEAD.
 */
export async function sendCatalogPage(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  if (!allowedMethod(request, response)) return;
  let page: LoadedPage;
  try {
    page = await loadOnce();
  } catch {
    response.statusCode = 503;
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.setHeader("cache-control", "no-store");
    response.end("The catalog page has not been built: run `npm run build` (or `npm start`, which builds what is stale). The API is at /graphql.\n");
    return;
  }
  return sendRepresentation(request, response, page.page);
}

/** Answers a request under {@link CATALOG_PAGE_ASSETS_PREFIX}: the built script or stylesheet, cached for good; 404 for any other name. */
export async function serveCatalogPageAsset(request: http.IncomingMessage, response: http.ServerResponse, pathname: string): Promise<void> {
  const found = await loadOnce().then(
    (page) => page.assets.get(pathname),
    () => undefined,
  );
  if (!found) {
    response.statusCode = 404;
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.end(`No asset at ${pathname}`);
    return;
  }
  if (!allowedMethod(request, response)) return;
  return sendRepresentation(request, response, found);
}

function allowedMethod(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (request.method === "GET" || request.method === "HEAD") return true;
  response.statusCode = 405;
  response.setHeader("allow", "GET, HEAD");
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.end(`${request.method} is not allowed here; the API is at /graphql`);
  return false;
}
