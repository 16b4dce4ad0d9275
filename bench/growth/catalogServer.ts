// The real server (dist/src/main.js) in a child process on one database: started, timed to its first
// answer, asked queries one at a time and under load, measured from /proc, and stopped by its pid.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { freePort } from "../serve/freePort";
import { cpuTicksOf } from "../serve/processStats";
import { RATE_LIMITS_OFF } from "../serve/contenders";

const MAIN = path.resolve(__dirname, "../../src/main.js");
const AUTOCANNON = path.resolve(__dirname, "../../../bench/contenders/node_modules/.bin/autocannon");
const TAIL_BYTES = 6000;

export interface Answer {
  status: number;
  ms: number;
  bytes: number;
  body: string;
}

export interface LatencyResult {
  /** The first request of this query since the server started: pays for any index built on first use. */
  firstMs: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
  /** The answer's JSON `data`, for result counts. */
  data: Record<string, any>;
}

export interface ThroughputResult {
  rps: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts, when there were any. */
  problems?: string;
  tool: "autocannon" | "fetch loop";
}

export interface MemoryResult {
  rssMb: number;
  peakRssMb: number;
}

export interface StartOptions {
  databaseUrl: string;
  /** Extra node flags, e.g. --cpu-prof or --max-old-space-size. */
  nodeArgs?: string[];
  /** How long to wait for the first answer. */
  timeoutMs: number;
}

/** What a child process printed last, and how it ended. */
class ChildWatch {
  output = "";
  exitInfo: string | undefined;
  readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => void (this.output = (this.output + chunk.toString("utf8")).slice(-TAIL_BYTES));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        this.exitInfo = signal ? `killed by ${signal}` : `exited with code ${code}`;
        resolve();
      }),
    );
  }
}

export class CatalogServer {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  private constructor(
    private readonly watch: ChildWatch,
    readonly url: string,
    /** From spawn to the first answered query. */
    readonly coldStartMs: number,
  ) {}

  get pid(): number {
    return this.watch.child.pid ?? -1;
  }

  /**
   * Starts the server with the response cache off and waits for its first answer to a real query.
   * @throws Error with the server's last output when it exits or does not answer in time.
   */
  static async start(options: StartOptions): Promise<CatalogServer> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/graphql`;
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: options.databaseUrl,
      CATALOG_SEED_ON_START: "false",
      CATALOG_RESPONSE_CACHE_ENTRIES: "0",
      // The load comes from one address, which the rate limits would count as one client.
      ...RATE_LIMITS_OFF,
    };
    const startedAt = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], { cwd: path.resolve(__dirname, "../../.."), env, stdio: ["ignore", "pipe", "pipe"] });
    const watch = new ChildWatch(child);
    const probe = JSON.stringify({ query: "{ models(first: 1) { edges { node { id } } } }" });
    const agent = new http.Agent({ keepAlive: false });
    for (;;) {
      if (watch.exitInfo) throw new Error(`The server ${watch.exitInfo} before answering:\n${watch.output.trim()}`);
      const answer = await post(url, probe, agent).catch(() => undefined);
      if (answer?.status === 200 && !answer.body.includes('"errors"')) break;
      if (performance.now() - startedAt > options.timeoutMs) {
        child.kill("SIGKILL");
        await watch.exited;
        throw new Error(`The server did not answer within ${Math.round(options.timeoutMs / 1000)} s:\n${watch.output.trim()}`);
      }
      await sleep(20);
    }
    return new CatalogServer(watch, url, performance.now() - startedAt);
  }

  /** One query at a time: `warmup` unmeasured, then up to `samples` or until `budgetMs` has passed (at least `minSamples`). */
  async latency(query: string, options: { warmup: number; samples: number; minSamples: number; budgetMs: number }): Promise<LatencyResult> {
    const body = JSON.stringify({ query });
    let last = await this.ask(body);
    const firstMs = last.ms;
    for (let i = 1; i < options.warmup; i++) last = await this.ask(body);
    const times: number[] = [];
    const started = performance.now();
    while (times.length < options.samples && (times.length < options.minSamples || performance.now() - started < options.budgetMs)) {
      last = await this.ask(body);
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    const parsed = JSON.parse(last.body) as { data: Record<string, any> };
    return { firstMs, samples: times.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), bytes: last.bytes, data: parsed.data };
  }

  /** Requests per second at `connections` concurrent connections for `durationS` (autocannon when installed). */
  async throughput(query: string, connections: number, durationS: number): Promise<ThroughputResult> {
    const body = JSON.stringify({ query });
    if (fs.existsSync(AUTOCANNON)) return runAutocannon(this.url, body, connections, durationS);
    return fetchLoop(this.url, body, connections, durationS);
  }

  /**
   * Waits until the server has used no CPU for `quietMs` (read from /proc/<pid>/stat): a load run that ends
   * leaves requests the server is still working on, which would otherwise be charged to the next query.
   */
  async settle(quietMs = 300, timeoutMs = 180000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let last = cpuTicksOf(this.pid);
    let quietSince = performance.now();
    while (performance.now() < deadline && this.running) {
      await sleep(50);
      const now = cpuTicksOf(this.pid);
      if (now === undefined) return;
      if (last === undefined || now - last > 1) quietSince = performance.now();
      last = now;
      if (performance.now() - quietSince >= quietMs) return;
    }
  }

  memory(): MemoryResult | undefined {
    let status: string;
    try {
      status = fs.readFileSync(`/proc/${this.pid}/status`, "utf8");
    } catch {
      return undefined;
    }
    const mb = (field: string) => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) / 1024);
    return { rssMb: mb("VmRSS"), peakRssMb: mb("VmHWM") };
  }

  tail(): string {
    return this.watch.output.trim();
  }

  get running(): boolean {
    return this.watch.exitInfo === undefined;
  }

  /** SIGTERM (the server closes and exits; --cpu-prof writes its profile then), SIGKILL after `graceMs`. */
  async stop(graceMs = 60000): Promise<void> {
    this.agent.destroy();
    if (!this.running) return;
    this.watch.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([this.watch.exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
    clearTimeout(timer);
    if (!inTime) {
      this.watch.child.kill("SIGKILL");
      await this.watch.exited;
    }
  }

  private async ask(body: string): Promise<Answer> {
    // A kept-alive socket the server closed while idle (its keep-alive timeout passed during a settle)
    // fails the next request on it at once: ask again on a fresh socket.
    const answer = await post(this.url, body, this.agent).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") return post(this.url, body, this.agent);
      throw error;
    });
    if (answer.status !== 200 || answer.body.startsWith('{"errors"') || answer.body.includes('"errors":[')) {
      throw new Error(`The server answered ${answer.status}: ${answer.body.slice(0, 400)}`);
    }
    return answer;
  }
}

function post(url: string, body: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, bytes: Buffer.byteLength(text), body: text });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

interface AutocannonJson {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

function runAutocannon(url: string, body: string, connections: number, durationS: number): Promise<ThroughputResult> {
  const args = ["-c", String(connections), "-d", String(durationS), "-t", "120", "-m", "POST", "-H", "content-type=application/json", "-H", "accept=application/json", "-b", body, "--json", url];
  return new Promise((resolve, reject) => {
    execFile(AUTOCANNON, args, { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`autocannon failed: ${stderr.trim() || error.message}`));
      const result = JSON.parse(stdout.trim().split("\n").pop()!) as AutocannonJson;
      const problems = [result.non2xx ? `${result.non2xx} non-2xx` : "", result.errors ? `${result.errors} errors` : "", result.timeouts ? `${result.timeouts} timeouts` : ""].filter(Boolean).join(", ");
      resolve({ rps: result.requests.total / durationS, requests: result.requests.total, problems: problems || undefined, tool: "autocannon" });
    });
  });
}

/** Without autocannon: `connections` loops of sequential requests, each on its own keep-alive socket. */
async function fetchLoop(url: string, body: string, connections: number, durationS: number): Promise<ThroughputResult> {
  const deadline = performance.now() + durationS * 1000;
  let requests = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (performance.now() < deadline) {
        const answer = await post(url, body, agent).catch(() => undefined);
        if (answer?.status === 200) requests++;
        else failed++;
      }
      agent.destroy();
    }),
  );
  return { rps: requests / durationS, requests, problems: failed ? `${failed} failed` : undefined, tool: "fetch loop" };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}


export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
