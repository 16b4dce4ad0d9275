// A contender in its own child process: started, waited for, and stopped (SIGTERM, then SIGKILL after a
// grace period), with the tail of its output kept for the report when it fails.
import { spawn, type ChildProcess } from "node:child_process";

export interface StartOptions {
  label: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface StopResult {
  /** How long it took to be gone. */
  ms: number;
  /** True when SIGTERM was not enough within the grace period. */
  killed: boolean;
}

const TAIL_BYTES = 4000;

export class ServerProcess {
  /** Every contender still running, so that an interrupted benchmark leaves none behind. */
  private static readonly live = new Set<ServerProcess>();
  private output = "";
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString("utf8")).slice(-TAIL_BYTES);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => {
      child.on("exit", (code, signal) => {
        this.exit = { code, signal };
        ServerProcess.live.delete(this);
        resolve();
      });
      child.on("error", (error) => {
        keep(Buffer.from(`spawn failed: ${error.message}\n`));
        this.exit = { code: null, signal: null };
        ServerProcess.live.delete(this);
        resolve();
      });
    });
  }

  static start(options: StartOptions): ServerProcess {
    const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const server = new ServerProcess(options.label, child);
    ServerProcess.live.add(server);
    return server;
  }

  /** SIGKILLs every contender still running (on an interrupted or failed run). */
  static killAll(): void {
    for (const server of ServerProcess.live) server.child.kill("SIGKILL");
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** The last few KB the process printed, for error messages. */
  tail(): string {
    return this.output.trim();
  }

  /** Why it is no longer running, in words. */
  exitReason(): string {
    if (!this.exit) return "still running";
    return this.exit.signal ? `killed by ${this.exit.signal}` : `exited with code ${this.exit.code}`;
  }

  /**
   * Polls `ready` every 25 ms until it answers true. Throws when the process exits first or `timeoutMs`
   * passes, with the process's last output. Returns the milliseconds from `since` to the first true.
   */
  async waitUntil(ready: () => Promise<boolean>, timeoutMs: number, since = performance.now()): Promise<number> {
    const deadline = since + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.label} ${this.exitReason()} before it was ready:\n${this.tail()}`);
      if (await ready().catch(() => false)) return performance.now() - since;
      if (performance.now() > deadline) throw new Error(`${this.label} was not ready within ${Math.round(timeoutMs / 1000)} s:\n${this.tail()}`);
      await sleep(25);
    }
  }

  /** SIGTERM, and SIGKILL if it is still there after `graceMs`; resolves once it is gone. */
  async stop(graceMs: number): Promise<StopResult> {
    const started = performance.now();
    if (!this.running) return { ms: 0, killed: false };
    this.child.kill("SIGTERM");
    const inTime = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!inTime) {
      this.child.kill("SIGKILL");
      await this.exited;
    }
    return { ms: performance.now() - started, killed: !inTime };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
