import { getIntrospectionQuery } from "graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { exampleOperations } from "../../src/http/playground/exampleOperations";
import { createLogger } from "../../src/logger";
import type { RunningCatalog } from "../../src/main";
import { startTestServer, type TestServer } from "../support/testServer";

// Each attack is measured before anything parses or validates it in full, and refused with a code
// and the limit it broke, in milliseconds, while other clients keep being answered.
jest.setTimeout(120_000);

let server: TestServer | undefined;
let catalog: RunningCatalog;
/** The server's access lines: each request's own time, from its first byte in to its last byte out. */
const accessLines: { requestId: string; durationMs: number; refusal?: string }[] = [];

beforeAll(async () => {
  const logger = createLogger("info", (line) => {
    const parsed = JSON.parse(line) as { msg: string; requestId: string; durationMs: number; refusal?: string };
    if (parsed.msg === "request") accessLines.push(parsed);
  });
  server = await startTestServer({ logLevel: "info" }, logger);
  catalog = server.catalog;
  // A server under attack has served requests before: the first one through the HTTP path also pays for
  // compiling it (about 100 ms here), which is no attack's doing.
  await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ ${"__typename ".repeat(100)}}` }) });
});

afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; ms: number; requestId: string; body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any> } };

// As a current GraphQL client asks: with application/graphql-response+json, a refused operation is a 400
// (an application/json client gets the same errors with a 200, as the GraphQL-over-HTTP spec asks).
async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as Answer["body"];
  return { status: response.status, ms: performance.now() - started, requestId: response.headers.get("x-request-id")!, body };
}

const fragmentBomb = (levels: number) => {
  let fragments = "fragment F0 on Query { __typename }\n";
  for (let k = 1; k <= levels; k++) fragments += `fragment F${k} on Query { ...F${k - 1} ...F${k - 1} }\n`;
  return `{ ...F${levels} }\n${fragments}`;
};

const attacks: [string, () => string, string][] = [
  ["14,000 aliases of __schema (297 KB)", () => `{ ${Array.from({ length: 14_000 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(" ")} }`, "tokens"],
  ["1,000 aliases of __schema", () => `{ ${Array.from({ length: 1_000 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(" ")} }`, "aliases"],
  ["a 24-level fragment bomb (under 1 KB)", () => fragmentBomb(24), "cost"],
  ["10,000 plain aliases", () => `{ ${Array.from({ length: 10_000 }, (_, i) => `m${i}: capabilities { key }`).join(" ")} }`, "tokens"],
  ["1,500 plain aliases", () => `{ ${Array.from({ length: 1_500 }, (_, i) => `m${i}: capabilities { key }`).join(" ")} }`, "aliases"],
  ["providers(first: 100) with every offering's prices, history and provenance", () => `{ providers(first: 100) { edges { node { offerings { prices { amount } priceHistory { totalCount } provenance { value } } } } } }`, "cost"],
  ["a model list nested in itself", () => `{ models(first: 100) { edges { node { offerings { model { offerings { prices { amount } } } } } } } }`, "cost"],
  ["an operation nested 14 levels", () => `{ model(id: "x") { offerings { model { offerings { model { offerings { model { offerings { model { offerings { model { offerings { model { id } } } } } } } } } } } } } }`, "depth"],
  ["60 directives", () => `{ ${Array.from({ length: 60 }, (_, i) => `c${i}: capabilities @include(if: true) { key }`).join(" ")} }`, "directives"],
  ["11,000 tokens", () => `{ capabilities { ${"key ".repeat(11_000)} } }`, "tokens"],
];

const refusalTimes: string[] = [];
afterAll(() => {
  // Shown in the test output, for the record of what each refusal costs the server.
  process.stdout.write(`Server time per refusal:\n  ${refusalTimes.join("\n  ")}\n`);
});

describe("hostile queries over HTTP", () => {
  it.each(attacks)("refuses %s with GRAPHQL_VALIDATION_FAILED naming the limit, fast, without a 5xx", async (_name, build, limit) => {
    const query = build();
    const answer = await post(query);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit });
    // Round trip over loopback, with the body's upload: a generous bound for a loaded CI machine
    // (before the gate, the 24-level bomb blocked the server for 27.6 s, 5,000 __schema aliases for 23 s).
    expect(answer.ms).toBeLessThan(1_000);
    // The server's own time for the refusal (reading the body included), from its access line: printed
    // for the record (the 50 ms target is a measurement, not a timed test); bounded here like the round trip.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = accessLines.find((access) => access.requestId === answer.requestId);
    expect(line).toMatchObject({ refusal: limit });
    expect(line!.durationMs).toBeLessThan(1_000);
    refusalTimes.push(`${_name}: ${line!.durationMs} ms`);
  });

  it("keeps answering another client while the attacks arrive", async () => {
    let attacking = true;
    const flood = (async () => {
      while (attacking) for (const [, build] of attacks.slice(0, 2)) await post(build());
    })();
    const probes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response = await fetch(new URL("/healthz", catalog.url));
      expect(response.status).toBe(200);
      probes.push(performance.now() - started);
    }
    attacking = false;
    await flood;
    expect(Math.max(...probes)).toBeLessThan(1_000);
  });

  it("lets through every playground example and GraphiQL's introspection, reporting their cost", async () => {
    for (const example of exampleOperations) {
      const answer = await post(example.query);
      expect(answer.status).toBe(200);
      expect(answer.body.extensions?.cost).toBeGreaterThan(0);
    }
    const introspection = await post(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(introspection.body.errors).toBeUndefined();
    expect(introspection.body.data.__schema.types.length).toBeGreaterThan(50);
    const list = await post(`{ models(first: 50) { totalCount edges { node { id name author { name } capabilities { key } offerings { provider { name } prices { kind amount } } } } } }`);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.extensions?.cost).toBeLessThan(300_000);
  });

  it.each([
    ["a variable", `query($s: String) { models(filter: { search: $s }) { totalCount } }`, { s: "gpt\u0000mini" }],
    ["the query text", `{ models(filter: { search: "gpt\\u0000mini" }) { totalCount } }`, undefined],
  ])("refuses a NUL character in %s with BAD_USER_INPUT, before anything runs", async (_where, query, variables) => {
    const answer = await post(query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ message: "Strings may not contain the NUL character (U+0000)", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("counts a page size given by a variable as the largest page", async () => {
    const query = `query($n: Int) { providers(first: $n) { edges { node { offerings { prices { amount } } } } } }`;
    expect((await post(query, { n: 1 })).body.errors?.[0].extensions?.limit).toBe("cost");
  });
});

describe("hostile queries over WebSocket", () => {
  it("refuses an operation over the limits on its own id, and the socket's other subscriptions go on", async () => {
    const client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: fragmentBomb(24).replace("{ ...F24 }", "subscription { priceChanged { offeringId } } query Q { ...F24 }"), operationName: "Q" }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
      });
      expect(refused).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "GRAPHQL_VALIDATION_FAILED", limit: "cost" }) })]);
      const answered = await new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query: "{ capabilities { key } }" }, { next: resolve, error: reject, complete: () => undefined });
      });
      expect(answered).toMatchObject({ data: { capabilities: expect.any(Array) } });
    } finally {
      await client.dispose();
    }
  });

  it("answers a syntax error on its own id without closing the socket", async () => {
    const client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const refused = await new Promise<unknown>((resolve) => client.subscribe({ query: "{ capabilities { key " }, { next: () => undefined, error: resolve, complete: () => resolve(null) }));
      expect(refused).toEqual([expect.objectContaining({ extensions: { code: "GRAPHQL_PARSE_FAILED" } })]);
      const answered = await new Promise<unknown>((resolve, reject) => client.subscribe({ query: "{ capabilities { key } }" }, { next: resolve, error: reject, complete: () => undefined }));
      expect(answered).toMatchObject({ data: { capabilities: expect.any(Array) } });
    } finally {
      await client.dispose();
    }
  });

  it("caps the operations one socket runs at once", async () => {
    const client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    const stops: (() => void)[] = [];
    try {
      for (let i = 0; i < 100; i++) stops.push(client.subscribe({ query: `subscription { priceChanged(modelId: "m${i}") { offeringId } }` }, { next: () => undefined, error: () => undefined, complete: () => undefined }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const refused = await new Promise<unknown>((resolve) => client.subscribe({ query: "subscription { priceChanged { offeringId } }" }, { next: () => undefined, error: resolve, complete: () => resolve(null) }));
      expect(refused).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ limit: "subscriptionsPerSocket" }) })]);
    } finally {
      for (const stop of stops) stop();
      await client.dispose();
    }
  });

  const closeOf = (socket: WebSocket) => new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));

  it("closes a socket that sends a message over 1 MB (1009), as HTTP refuses such a body", async () => {
    const socket = new WebSocket(catalog.url.replace(/^http/, "ws"), "graphql-transport-ws");
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = closeOf(socket);
    socket.send(JSON.stringify({ type: "connection_init", payload: { padding: "x".repeat(1_100_000) } }));
    expect(await closed).toBe(1009);
  });

  it("closes a 51st socket from one address (1008), and the others stay open", async () => {
    const url = catalog.url.replace(/^http/, "ws");
    const sockets = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const socket = new WebSocket(url, "graphql-transport-ws");
        await new Promise((resolve) => socket.once("open", resolve));
        return socket;
      }),
    );
    try {
      const extra = new WebSocket(url, "graphql-transport-ws");
      expect(await closeOf(extra)).toBe(1008);
      expect(sockets.every((s) => s.readyState === WebSocket.OPEN)).toBe(true);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
