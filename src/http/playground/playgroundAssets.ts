import fs from "node:fs";
import path from "node:path";
import type http from "node:http";

/** Where the playground's static files are served; a name after it is looked up, never joined to a path. */
export const PLAYGROUND_ASSETS_PREFIX = "/graphql/assets/";

export interface PlaygroundAsset {
  /** The URL path the page links to, e.g. `/graphql/assets/graphiql-3.8.3.min.js`. */
  url: string;
  file: string;
  contentType: string;
}

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/**
 * One allow-listed file of an installed package. The name carries the package version, so a URL always
 * names the same bytes and may be cached for good, and an upgrade changes the URLs. React's `exports`
 * hide `umd/`, hence the resolution through each `package.json`.
 */
function installedAsset(pkg: string, file: string, name: (version: string) => string, contentType: string): PlaygroundAsset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string };
  return { url: `${PLAYGROUND_ASSETS_PREFIX}${name(version)}`, file: path.join(path.dirname(manifest), file), contentType };
}

const react = installedAsset("react", "umd/react.production.min.js", (v) => `react-${v}.production.min.js`, JS);
const reactDom = installedAsset("react-dom", "umd/react-dom.production.min.js", (v) => `react-dom-${v}.production.min.js`, JS);
const graphiqlJs = installedAsset("graphiql", "graphiql.min.js", (v) => `graphiql-${v}.min.js`, JS);
const graphiqlCss = installedAsset("graphiql", "graphiql.min.css", (v) => `graphiql-${v}.min.css`, CSS);

/** The allow-list: the prebuilt browser bundles the page loads, scripts in the order they must run. */
export const playgroundAssets = { scripts: [react, reactDom, graphiqlJs], styles: [graphiqlCss] } as const;

const byUrl = new Map([react, reactDom, graphiqlJs, graphiqlCss].map((asset) => [asset.url, asset]));
const contents = new Map<string, Promise<Buffer>>();

/**
 * Answers a request under {@link PLAYGROUND_ASSETS_PREFIX}: an allow-listed file with its content type and
 * a year-long immutable cache, 404 for any other name (so no path the client sends reaches the file
 * system), 405 for methods other than GET and HEAD. Files are read once and kept in memory.
 * Rejects only if an allow-listed file cannot be read (a broken install).
 */
export async function servePlaygroundAsset(request: http.IncomingMessage, response: http.ServerResponse, pathname: string): Promise<void> {
  const asset = byUrl.get(pathname);
  if (!asset) return sendText(response, 404, `No playground asset at ${pathname}`);
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    return sendText(response, 405, `${request.method} is not allowed on ${pathname}`);
  }
  let body = contents.get(asset.file);
  if (!body) {
    body = fs.promises.readFile(asset.file);
    contents.set(asset.file, body);
    body.catch(() => contents.delete(asset.file));
  }
  const bytes = await body;
  response.statusCode = 200;
  response.setHeader("content-type", asset.contentType);
  response.setHeader("content-length", bytes.length);
  response.setHeader("cache-control", "public, max-age=31536000, immutable");
  response.setHeader("x-content-type-options", "nosniff");
  response.end(request.method === "HEAD" ? undefined : bytes);
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.end(text);
}
