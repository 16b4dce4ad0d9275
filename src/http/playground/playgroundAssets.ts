import fs from "node:fs";
import path from "node:path";
import type http from "node:http";
import { compress } from "../compression";
import { sendRepresentation, type Representation } from "../representation";

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
/** Each file read once, with its brotli and gzip forms made once and kept (graphiql.min.js: 3.5 MB, 630 KB in brotli). */
const representations = new Map<string, Promise<Representation>>();

function representationOf(asset: PlaygroundAsset): Promise<Representation> {
  let representation = representations.get(asset.url);
  if (!representation) {
    representation = fs.promises.readFile(asset.file).then((body) => ({
      status: 200,
      headers: [
        ["content-type", asset.contentType],
        ["cache-control", "public, max-age=31536000, immutable"],
        ["x-content-type-options", "nosniff"],
      ],
      body,
      encoded: new Map(),
      effort: "static",
    }));
    representations.set(asset.url, representation);
    representation.catch(() => representations.delete(asset.url));
  }
  return representation;
}

/**
 * Reads and compresses every asset in the background (about half a second of the thread pool's time),
 * once per process: called when the playground page is served, so that its scripts are being compressed
 * before the browser asks for them, and a server nobody opens the playground on never spends it.
 */
export function precompressPlaygroundAssets(): void {
  for (const asset of byUrl.values()) {
    void representationOf(asset)
      .then((representation) => {
        for (const encoding of ["br", "gzip"] as const) {
          if (!representation.encoded?.has(encoding)) representation.encoded?.set(encoding, compress(representation.body, encoding, "static"));
        }
      })
      .catch(() => undefined); // a broken install is reported by the request that needs the file
  }
}

/**
 * Answers a request under {@link PLAYGROUND_ASSETS_PREFIX}: an allow-listed file with its content type, a
 * year-long immutable cache and brotli or gzip if the client takes it; 404 for any other name (so no
 * path the client sends reaches the file system), 405 for methods other than GET and HEAD.
 * Rejects only if an allow-listed file cannot be read (a broken install).
 */
export async function servePlaygroundAsset(request: http.IncomingMessage, response: http.ServerResponse, pathname: string): Promise<void> {
  const asset = byUrl.get(pathname);
  if (!asset) return sendText(response, 404, `No playground asset at ${pathname}`);
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    return sendText(response, 405, `${request.method} is not allowed on ${pathname}`);
  }
  return sendRepresentation(request, response, await representationOf(asset));
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.end(text);
}
