import crypto from "node:crypto";
import { bootstrap, type RunningCatalog } from "../../src/main";
import { silentLogger } from "../../src/logger";
import { exampleOperations } from "../../src/http/playground/exampleOperations";
import { playgroundAssets } from "../../src/http/playground/playgroundAssets";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

describe(`the GraphQL playground over HTTP on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let testDb: TestDatabase;
  let catalog: RunningCatalog;
  let base: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    catalog = await bootstrap(
      { port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: "seed", seedOnStart: false },
      silentLogger,
    );
    base = catalog.url.replace(/\/graphql$/, "");
  });

  afterAll(async () => {
    await catalog.stop();
    await testDb.drop();
  });

  const openInBrowser = () => fetch(catalog.url, { headers: { accept: BROWSER_ACCEPT } });

  describe("the page", () => {
    it("is served to a browser's GET of /graphql as HTML that mounts GraphiQL", async () => {
      const response = await openInBrowser();
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(html).toContain('<div id="graphiql">');
      expect(html).toContain('ReactDOM.createRoot(document.getElementById("graphiql"))');
      expect(html).toContain("React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: tabs })");
      expect(html).toContain('fetch("/graphql", { method: "POST"');
    });

    it("preloads the example operations as tabs, the lookup first", async () => {
      const html = await (await openInBrowser()).text();
      const names = ["Lookup", "CheapToolCallers", "Compare", "Estimate", "WhereFrom"];
      const positions = names.map((name) => html.indexOf(`query ${name} {`));

      expect(positions.every((position) => position > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(html).toContain('model(id: \\"gpt-4.1-mini\\")');
    });

    it("loads only its own scripts and stylesheets, so it works offline", async () => {
      const html = await (await openInBrowser()).text();
      const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);

      expect(sources).toEqual([
        "data:,",
        ...playgroundAssets.styles.map((asset) => asset.url),
        ...playgroundAssets.scripts.map((asset) => asset.url),
      ]);
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    });

    it("sets a Content-Security-Policy that allows only its own scripts plus its hashed inline one, and its own and inline styles", async () => {
      const response = await openInBrowser();
      const policy = response.headers.get("content-security-policy") ?? "";
      const inlineScripts = [...(await response.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
      const [inlineScript] = inlineScripts;
      const directives = Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));

      expect(inlineScripts).toHaveLength(1);
      expect(directives["default-src"]).toEqual(["'none'"]);
      expect(directives["script-src"]).toEqual(["'self'", `'sha256-${crypto.createHash("sha256").update(inlineScript).digest("base64")}'`]);
      expect(directives["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
      expect(directives["connect-src"]).toEqual(["'self'"]);
      expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    });
  });

  describe("the example operations", () => {
    it.each(exampleOperations.map((example) => [example.query.match(/query (\w+)/)?.[1], example.query]))(
      "%s is valid against the schema",
      async (_name, query) => {
        const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
        const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };

        // The catalog is empty here, so a lookup may answer NOT_FOUND; it must not fail validation.
        expect(response.status).toBe(200);
        expect((body.errors ?? []).filter((error) => error.extensions.code !== "NOT_FOUND")).toEqual([]);
      },
    );
  });

  describe("the assets", () => {
    const allAssets = [...playgroundAssets.scripts, ...playgroundAssets.styles];

    it("names exactly React, ReactDOM and GraphiQL's script and stylesheet, each with its version", () => {
      expect(allAssets.map((asset) => asset.url)).toEqual([
        expect.stringMatching(/^\/graphql\/assets\/react-18\.\d+\.\d+\.production\.min\.js$/),
        expect.stringMatching(/^\/graphql\/assets\/react-dom-18\.\d+\.\d+\.production\.min\.js$/),
        expect.stringMatching(/^\/graphql\/assets\/graphiql-3\.\d+\.\d+\.min\.js$/),
        expect.stringMatching(/^\/graphql\/assets\/graphiql-3\.\d+\.\d+\.min\.css$/),
      ]);
    });

    it.each(allAssets.map((asset) => [asset.url, asset.contentType]))("serves %s as %s with a year-long immutable cache", async (url, contentType) => {
      const response = await fetch(`${base}${url}`);
      const body = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(contentType);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(body.length).toBeGreaterThan(1000);
    });

    it("answers HEAD with the headers and no body", async () => {
      const [script] = playgroundAssets.scripts;
      const response = await fetch(`${base}${script.url}`, { method: "HEAD" });

      expect(response.status).toBe(200);
      expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
      expect(await response.text()).toBe("");
    });

    it.each([
      ["an unknown asset", "/graphql/assets/nope.js"],
      ["an unversioned name", "/graphql/assets/graphiql.min.js"],
      ["an encoded traversal", "/graphql/assets/..%2Fpackage.json"],
      ["a doubly encoded traversal", "/graphql/assets/..%252F..%252Fpackage.json"],
      ["a traversal into node_modules", "/graphql/assets/%2e%2e/%2e%2e/node_modules/react/package.json"],
      ["the folder itself", "/graphql/assets/"],
    ])("answers %s (%s) with 404", async (_what, path) => {
      const response = await fetch(`${base}${path}`);

      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('"version"');
    });

    it("refuses a POST to an asset with 405", async () => {
      const response = await fetch(`${base}${playgroundAssets.styles[0].url}`, { method: "POST", body: "x" });

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    });
  });

  describe("GraphQL itself", () => {
    it("still answers a GET of /graphql that asks for JSON", async () => {
      const response = await fetch(`${catalog.url}?query=${encodeURIComponent("{ health { status } }")}`, {
        headers: { accept: "application/json", "apollo-require-preflight": "true" },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ data: { health: { status: "ok" } }, extensions: { cost: 2 } });
    });

    it("hands a browser's GET that carries a query parameter to GraphQL, which answers it (no CSRF header needed: credentials travel only in Authorization)", async () => {
      const response = await fetch(`${catalog.url}?query=${encodeURIComponent("{ health { status } }")}`, { headers: { accept: BROWSER_ACCEPT } });

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ data: { health: { status: "ok" } }, extensions: { cost: 2 } });
    });

    it("does not serve the page to a GET that accepts anything alike", async () => {
      const response = await fetch(catalog.url, { headers: { accept: "*/*" } });

      expect(response.headers.get("content-type")).not.toMatch(/^text\/html/);
    });

    it("still answers a POST", async () => {
      const response = await fetch(catalog.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
        body: JSON.stringify({ query: "{ health { status } }" }),
      });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { health: { status: "ok" } }, extensions: { cost: 2 } });
    });
  });
});
