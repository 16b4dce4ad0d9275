import net from "node:net";
import { startTestServer, type TestServer } from "../support/testServer";

// Executions take turns with the event loop (src/http/executionTurns.ts): a health probe that arrives
// together with a batch of uncached queries is answered before the batch has run, not after it. The
// requests are written in one go on connections the server already serves, so that it reads them all
// in the same poll; the order the answers come back in is what the server did.
jest.setTimeout(120_000);

let server: TestServer | undefined;
let port: number;

beforeAll(async () => {
  server = await startTestServer({ seedOnStart: true });
  port = server.catalog.port;
});

afterAll(async () => {
  await server?.stop();
});

/**
 * A connection the server has accepted and read a request from: a probe on a keep-alive connection,
 * answered. (Written on fresh connections, the requests reached the server one by one: it accepted
 * one connection per turn of its loop here, so they never queued, with or without turns.)
 */
function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (!text.includes('{"status":"ok"}')) return;
      socket.off("data", onData);
      resolve(socket);
    };
    socket.on("data", onData);
    socket.once("error", reject);
  });
}

/** A POST of an estimate over the whole catalog, its alias unique so that the response cache misses. */
function estimateRequest(i: number): string {
  const body = JSON.stringify({ query: `{ e${i}_${Date.now()}: estimateCost(workload: { inputTokens: 100000, outputTokens: 10000 }, first: 50) { totalCount estimates { total } } }` });
  return `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

const PROBE = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

/** Writes every request at once, each on its own socket, and gives the labels in the order their answers began to arrive, with each answer's status line. */
async function answerOrder(requests: { label: string; text: string }[]): Promise<{ order: string[]; statusLines: Map<string, string> }> {
  const sockets = await Promise.all(requests.map(() => connect()));
  const order: string[] = [];
  const statusLines = new Map<string, string>();
  const answered = requests.map(
    ({ label }, i) =>
      new Promise<void>((resolve, reject) => {
        let text = "";
        sockets[i].on("data", (chunk: Buffer) => {
          if (text === "") order.push(label);
          text += chunk.toString("latin1");
        });
        sockets[i].on("end", () => {
          statusLines.set(label, text.slice(0, text.indexOf("\r\n")));
          resolve();
        });
        sockets[i].on("error", reject);
      }),
  );
  for (const [i, { text }] of requests.entries()) sockets[i].write(text);
  await Promise.all(answered);
  return { order, statusLines };
}

describe("executions taking turns with the event loop", () => {
  it("answers a probe that arrives with 30 uncached queries before most of them have run", async () => {
    // Warm: the first execution compiles and builds what later ones reuse.
    await answerOrder([{ label: "warm", text: estimateRequest(-1) }]);
    const queries = Array.from({ length: 30 }, (_, i) => ({ label: `q${i}`, text: estimateRequest(i) }));
    const { order, statusLines } = await answerOrder([...queries, { label: "probe", text: PROBE }]);
    for (const [label, status] of statusLines) expect({ label, status }).toEqual({ label, status: "HTTP/1.1 200 OK" });
    // Without turns every query ran in the callback that read it, so the probe, read last, came back
    // last (checked: position 30 of 30); with them it comes back before the queue has run.
    expect(order.indexOf("probe")).toBeLessThan(10);
  });

  it("still runs the queries in the order they arrived", async () => {
    const queries = Array.from({ length: 10 }, (_, i) => ({ label: `q${i}`, text: estimateRequest(100 + i) }));
    const { order } = await answerOrder(queries);
    // Each answer is written when its execution ends; executions start in arrival order, one per turn.
    expect(order).toEqual(queries.map((q) => q.label));
  });
});
