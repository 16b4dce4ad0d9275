import crypto from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import type { RunningCatalog } from "../../src/main";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { playgroundAssets } from "../../src/http/playground/playgroundAssets";
import { usingPostgres } from "../support/testDatabase";
import { startTestServer, type TestServer } from "../support/testServer";

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed, if they were). */
  bytes: Buffer;
}

/** A request with exactly the given headers (fetch adds its own Accept-Encoding and decompresses). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const getUrl = (catalog: RunningCatalog, query: string) => `${catalog.url}?query=${encodeURIComponent(query)}`;
const LIST = `{ models(first: 20) { edges { node { id name contextWindow } } } }`;
const PROVIDERS = `{ providers(first: 20) { edges { node { id name } } } }`;
const WITH_PRICES = `{ models(first: 20) { edges { node { id offerings { id prices { kind amount } } } } } }`;

const startCatalog = (corsOrigins?: string[]) => startTestServer({ seedDir: "test/fixtures/openrouter", seedOnStart: true, corsOrigins });

describe(`HTTP conventions on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let server: TestServer;
  let catalog: RunningCatalog;

  beforeAll(async () => {
    server = await startCatalog();
    catalog = server.catalog;
  });

  afterAll(() => server?.stop());

  describe("CORS with the default allow-list (any origin)", () => {
    it("answers a preflight from any origin with 204 and what the page may send, never with credentials", async () => {
      const answer = await raw(catalog.url, {
        method: "OPTIONS",
        headers: { origin: "https://someone.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization, apollographql-client-name" },
      });

      expect(answer.status).toBe(204);
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(answer.headers["access-control-allow-methods"]).toBe("GET, POST, OPTIONS");
      expect(answer.headers["access-control-allow-headers"]).toBe("content-type, authorization, apollographql-client-name");
      expect(answer.headers["access-control-max-age"]).toBe("7200");
      expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
    });

    it("lets a page read an answer and its request id", async () => {
      const answer = await raw(catalog.url, { method: "POST", headers: { origin: "https://someone.example", "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });

      expect(answer.status).toBe(200);
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(answer.headers["access-control-expose-headers"]).toContain("x-request-id");
    });
  });

  describe("compression", () => {
    it("sends an answer over 1 KB in brotli to a client that takes it, and in gzip to one that takes only gzip", async () => {
      const body = JSON.stringify({ query: LIST });
      const headers = { "content-type": "application/json" };
      const plain = await raw(catalog.url, { method: "POST", headers, body });
      const brotli = await raw(catalog.url, { method: "POST", headers: { ...headers, "accept-encoding": "gzip, deflate, br" }, body });
      const gzip = await raw(catalog.url, { method: "POST", headers: { ...headers, "accept-encoding": "gzip" }, body });

      expect(plain.bytes.length).toBeGreaterThan(1024);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(brotli.headers["content-encoding"]).toBe("br");
      expect(brotli.headers.vary).toContain("Accept-Encoding");
      expect(zlib.brotliDecompressSync(brotli.bytes).equals(plain.bytes)).toBe(true);
      expect(brotli.bytes.length).toBeLessThan(plain.bytes.length / 3);
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(zlib.gunzipSync(gzip.bytes).equals(plain.bytes)).toBe(true);
    });

    it("sends an answer under 1 KB as it is", async () => {
      const answer = await raw(catalog.url, { method: "POST", headers: { "content-type": "application/json", "accept-encoding": "br" }, body: JSON.stringify({ query: "{ __typename }" }) });

      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(JSON.parse(answer.bytes.toString())).toEqual({ data: { __typename: "Query" }, extensions: { cost: 1 } });
    });

    it("serves the playground's script compressed, a fraction of its size", async () => {
      const script = playgroundAssets.scripts[2].url;
      const base = catalog.url.replace(/\/graphql$/, "");
      const plain = await raw(`${base}${script}`);
      const brotli = await raw(`${base}${script}`, { headers: { "accept-encoding": "br" } });

      expect(brotli.status).toBe(200);
      expect(brotli.headers["content-encoding"]).toBe("br");
      expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(brotli.bytes.length).toBeLessThan(plain.bytes.length / 4);
      expect(zlib.brotliDecompressSync(brotli.bytes).equals(plain.bytes)).toBe(true);
    });
  });

  describe("caching of anonymous GET queries", () => {
    it("lets a catalog read be cached publicly for the least age its types and fields declare, with an ETag", async () => {
      const records = await raw(getUrl(catalog, PROVIDERS));
      const prices = await raw(getUrl(catalog, WITH_PRICES));
      const modelList = await raw(getUrl(catalog, LIST));

      expect(records.status).toBe(200);
      expect(records.headers["cache-control"]).toBe("public, max-age=60");
      expect(records.headers.etag).toMatch(/^W\/"[\w-]+"$/);
      expect(prices.headers["cache-control"]).toBe("public, max-age=10");
      // A model list's membership and order may follow prices, whatever it selects.
      expect(modelList.headers["cache-control"]).toBe("public, max-age=10");
    });

    it("answers a revalidation with 304 and no body while the answer is unchanged", async () => {
      const first = await raw(getUrl(catalog, PROVIDERS));
      const again = await raw(getUrl(catalog, PROVIDERS), { headers: { "if-none-match": first.headers.etag! } });

      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers["cache-control"]).toBe("public, max-age=60");
    });

    it("never answers 304 after a committed write changed the answer", async () => {
      const key = (await new ApiKeyService(new ApiKeyRepository(catalog.database.prisma)).create("cache-test-admin", "ADMIN")).key;
      const before = await raw(getUrl(catalog, WITH_PRICES));
      const offerings = (JSON.parse(before.bytes.toString()) as any).data.models.edges.flatMap((e: any) => e.node.offerings);
      const id = offerings.find((o: any) => o.prices.some((p: any) => p.kind === "INPUT")).id;

      const write = await fetch(catalog.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: `mutation { updatePrice(input: { offeringId: "${id}", kind: INPUT, amount: "123.45", currency: "USD" }) { amount } }` }),
      });
      expect(((await write.json()) as any).data.updatePrice.amount).toBe("123.45");

      const after = await raw(getUrl(catalog, WITH_PRICES), { headers: { "if-none-match": before.headers.etag! } });
      expect(after.status).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.bytes.toString()).toContain('"123.45"');
    });

    it("keeps answers about the moment or about one client out of shared caches", async () => {
      const health = await raw(getUrl(catalog, "{ health { status } }"));
      const posted = await raw(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: LIST }) });
      const withKey = await raw(getUrl(catalog, LIST), { headers: { authorization: "Bearer mck_nobody_x" } });
      const failed = await raw(getUrl(catalog, `{ nope }`));

      expect(health.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
      expect(posted.headers["cache-control"]).toBe("no-store");
      expect(posted.headers.etag).toBeUndefined();
      expect(withKey.headers["cache-control"]).toBe("private, no-store");
      expect(failed.headers["cache-control"]).toBe("no-store");
    });

    it("refuses a mutation over GET with 405, as it may not be cached or sent by a link", async () => {
      const answer = await raw(getUrl(catalog, `mutation { __typename }`));

      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("POST");
    });
  });
  describe("automatic persisted queries", () => {
    const sha = (query: string) => crypto.createHash("sha256").update(query).digest("hex");
    const postJson = async (body: unknown) => {
      const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as any };
    };

    it("asks for the text of an unknown hash, remembers it once sent, then answers the hash alone over POST and GET", async () => {
      const query = `query PersistedList { models(first: 2) { edges { node { id } } } }`;
      const extensions = { persistedQuery: { version: 1, sha256Hash: sha(query) } };

      const unknown = await postJson({ extensions });
      expect(unknown.status).toBe(200);
      expect(unknown.body.errors[0]).toEqual({ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } });

      const registered = await postJson({ query, extensions });
      const byHash = await postJson({ extensions });
      const byGet = await raw(`${catalog.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`);

      expect(registered.body.data.models.edges).toHaveLength(2);
      expect(byHash.body.data).toEqual(registered.body.data);
      expect(byGet.status).toBe(200);
      expect(JSON.parse(byGet.bytes.toString()).data).toEqual(registered.body.data);
      expect(byGet.headers["cache-control"]).toBe("public, max-age=10");
    });

    it("refuses a hash that does not match its query", async () => {
      const answer = await postJson({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: sha("{ other }") } } });

      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toEqual({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
    });

    it("never remembers a query the operation gate refused, so its hash cannot smuggle it in", async () => {
      const bomb = `{ models(first: 100) { edges { node { offerings { model { offerings { prices { amount } } } } } } } }`;
      const extensions = { persistedQuery: { version: 1, sha256Hash: sha(bomb) } };

      const refused = await postJson({ query: bomb, extensions });
      const byHash = await postJson({ extensions });

      expect(refused.body.errors[0].extensions.limit).toBe("cost");
      expect(byHash.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    });
  });
});

describe("CORS with an allow-list", () => {
  let server: TestServer;
  let catalog: RunningCatalog;

  beforeAll(async () => {
    server = await startCatalog(["https://app.example.com"]);
    catalog = server.catalog;
  });

  afterAll(() => server?.stop());

  it("answers a listed origin's preflight with that origin, varying by Origin", async () => {
    const answer = await raw(catalog.url, { method: "OPTIONS", headers: { origin: "https://app.example.com", "access-control-request-method": "POST" } });

    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("https://app.example.com");
    expect(answer.headers.vary).toContain("Origin");
    expect(answer.headers["access-control-allow-headers"]).toBe("accept, authorization, content-type, x-request-id");
  });

  it("refuses another origin's preflight with 403, saying why", async () => {
    const answer = await raw(catalog.url, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });

    expect(answer.status).toBe(403);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(JSON.parse(answer.bytes.toString()).error).toBe("Cross-origin requests from https://evil.example are not allowed; the server's CATALOG_CORS_ORIGINS lists the origins that are");
  });

  it("serves another origin's simple request without CORS headers, so its page cannot read the answer", async () => {
    const answer = await raw(getUrl(catalog, "{ __typename }"), { headers: { origin: "https://evil.example" } });

    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
