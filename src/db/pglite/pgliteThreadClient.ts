import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PgliteThreadOptions, ThreadError, ThreadMessage, ThreadRequest } from "./threadProtocol";

/**
 * The server's side of the thread PGlite runs on: requests go out in the order they are made, each
 * answered by a promise. The thread keeps the process alive only while a request is in flight, as PGlite
 * on the server's own thread did not keep it alive either.
 */
export class PgliteThreadClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #nextId = 1;
  #exited: Error | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.unref();
    worker.on("message", (message: ThreadMessage) => this.#receive(message));
    const fail = (error: Error) => {
      this.#exited = error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    worker.on("error", (error) => fail(error));
    worker.on("exit", (code) => fail(new Error(`the PGlite thread has ended (exit code ${code})`)));
  }

  /**
   * Starts the thread and waits until PGlite is open (or throws why it could not be opened).
   * `youngGenerationMb` caps the thread's young generation (V8's default commits up to about 48 MB).
   */
  static async start(options: PgliteThreadOptions, youngGenerationMb?: number): Promise<PgliteThreadClient> {
    const worker = startWorker(options, youngGenerationMb);
    const client = new PgliteThreadClient(worker);
    await new Promise<void>((resolve, reject) => {
      worker.ref();
      const onMessage = (message: ThreadMessage) => {
        if (message.kind === "ready") resolve();
        else if (message.kind === "startFailed") reject(toError(message.error));
        else return;
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        worker.unref();
      };
      const onExit = (code: number) => reject(new Error(`the PGlite thread ended while opening the database (exit code ${code})`));
      worker.on("message", onMessage);
      worker.on("exit", onExit);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return client;
  }

  /** Sends a request; resolves with the thread's answer, rejects with its error rebuilt here. */
  call<T>(request: ThreadRequest): Promise<T> {
    if (this.#exited) return Promise.reject(this.#exited);
    const id = this.#nextId++;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, request });
    });
  }

  /** Calls `onPayload` with each notification on `channel` (LISTEN runs in the thread). */
  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.#listeners.get(channel);
    if (!set) {
      this.#listeners.set(channel, (set = new Set()));
      await this.call({ op: "listen", channel });
    }
    set.add(onPayload);
    return async () => {
      set.delete(onPayload);
      if (set.size > 0 || this.#listeners.get(channel) !== set) return;
      this.#listeners.delete(channel);
      if (!this.#exited) await this.call({ op: "unlisten", channel });
    };
  }

  /** Closes PGlite and ends the thread. */
  async close(): Promise<void> {
    if (this.#exited) return;
    await this.call({ op: "close" });
    await this.#worker.terminate();
  }

  #receive(message: ThreadMessage): void {
    if (message.kind === "notification") {
      for (const listener of this.#listeners.get(message.channel) ?? []) listener(message.payload);
      return;
    }
    if (message.kind !== "reply" && message.kind !== "failed") return;
    const waiting = this.#pending.get(message.id);
    if (!waiting) return;
    this.#pending.delete(message.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (message.kind === "reply") waiting.resolve(message.value);
    else waiting.reject(toError(message.error));
  }
}

/** Rebuilds an error from the thread: its message and name, PostgreSQL's fields, the thread's stack after ours. */
function toError(error: ThreadError): Error {
  const rebuilt = Object.assign(new Error(error.message), error.fields);
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = `${rebuilt.stack}\n    -- in the PGlite thread --\n${error.stack.split("\n").slice(1).join("\n")}`;
  return rebuilt;
}

/**
 * The thread runs the compiled pgliteThread.js beside this file. Run from TypeScript sources (the tests,
 * through Jest), there is none: the thread's one file is compiled with swc, which the tests run on, and
 * it imports only npm packages, which resolve from the working directory.
 */
function startWorker(options: PgliteThreadOptions, youngGenerationMb?: number): Worker {
  const settings = { workerData: options, resourceLimits: youngGenerationMb ? { maxYoungGenerationSizeMb: youngGenerationMb } : {} };
  const compiled = path.join(__dirname, "pgliteThread.js");
  if (fs.existsSync(compiled)) return new Worker(compiled, settings);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { transformFileSync } = require("@swc/core") as typeof import("@swc/core");
  const { code } = transformFileSync(path.join(__dirname, "pgliteThread.ts"), {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  });
  return new Worker(code, { ...settings, eval: true });
}
