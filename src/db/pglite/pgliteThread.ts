// The thread PGlite runs on (see pgliteDatabase.ts for why). It answers requests from the server's
// thread in the order they arrive: a request is started as soon as it is received, so PGlite's own
// first-come, first-served query lock orders a transaction's statements as they were issued.
import v8 from "node:v8";
import vm from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PgliteThreadOptions, ThreadError, ThreadMessage, ThreadRequest } from "./threadProtocol";

type PrismaAdapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type PrismaTransaction = Awaited<ReturnType<PrismaAdapter["startTransaction"]>>;

const port = parentPort!;
const post = (message: ThreadMessage) => port.postMessage(message);

/** Ends a transaction with a rollback: thrown inside PGlite's transaction callback, then caught. */
const ROLLBACK = Symbol("rollback");

function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === "function") continue;
    // Prisma's DriverAdapterError carries its mapped error as `cause`, a plain object.
    fields[key] = typeof value === "object" && value !== null && !Array.isArray(value) ? JSON.parse(JSON.stringify(value)) : value;
  }
  if (error.cause !== undefined && typeof error.cause === "object") fields.cause = JSON.parse(JSON.stringify(error.cause));
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

async function main(): Promise<void> {
  const options = workerData as PgliteThreadOptions;
  let db: PGlite;
  let prisma: PrismaAdapter;
  try {
    db = options.dataDir === "memory://" ? new PGlite({ startParams: options.startParams }) : new PGlite(options.dataDir, { startParams: options.startParams });
    await db.waitReady;
    prisma = await new PrismaPGlite(db).connect();
  } catch (error) {
    post({ kind: "startFailed", error: threadError(error) });
    return;
  }

  let nextTx = 1;
  let collect: (() => void) | undefined;
  const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> }>();
  const prismaTransactions = new Map<number, PrismaTransaction>();
  const listeners = new Map<string, () => Promise<void>>();
  const session = (tx: number | undefined) => {
    if (tx === undefined) return db;
    const open = transactions.get(tx);
    if (!open) throw new Error(`transaction ${tx} is not open`);
    return open.tx;
  };
  const prismaSession = (tx: number | undefined) => {
    if (tx === undefined) return prisma;
    const open = prismaTransactions.get(tx);
    if (!open) throw new Error(`Prisma transaction ${tx} is not open`);
    return open;
  };

  const handle = async (request: ThreadRequest): Promise<unknown> => {
    switch (request.op) {
      case "query": {
        const result = await session(request.tx).query(request.sql, request.params);
        return result.rows;
      }
      case "exec":
        await session(request.tx).exec(request.sql);
        return null;
      case "copyFrom":
        // PGlite's COPY reads FROM '/dev/blob' out of the query's `blob` option.
        await session(request.tx).query(request.sql, [], { blob: new Blob([request.csv]) });
        return null;
      case "begin":
        return new Promise<number>((resolve, reject) => {
          const id = nextTx++;
          let end!: (commit: boolean) => void;
          const decided = new Promise<boolean>((r) => (end = r));
          const done = db
            .transaction(async (tx) => {
              transactions.set(id, { tx, end, done });
              resolve(id);
              if (!(await decided)) throw ROLLBACK;
            })
            .catch((error: unknown) => {
              if (error !== ROLLBACK) throw error;
            })
            .finally(() => transactions.delete(id));
          // A BEGIN that fails never reaches the callback.
          done.catch(reject);
        });
      case "end": {
        const open = transactions.get(request.tx);
        if (!open) throw new Error(`transaction ${request.tx} is not open`);
        open.end(request.commit);
        await open.done;
        return null;
      }
      case "listen":
        if (!listeners.has(request.channel)) {
          listeners.set(request.channel, await db.listen(request.channel, (payload) => post({ kind: "notification", channel: request.channel, payload })));
        }
        return null;
      case "unlisten": {
        const stop = listeners.get(request.channel);
        listeners.delete(request.channel);
        if (stop && !db.closed) await stop();
        return null;
      }
      case "prismaQuery":
        return prismaSession(request.tx).queryRaw(request.query as never);
      case "prismaExecute":
        return prismaSession(request.tx).executeRaw(request.query as never);
      case "prismaScript":
        await prisma.executeScript(request.script);
        return null;
      case "prismaBegin": {
        const tx = await prisma.startTransaction(request.isolationLevel as never);
        const id = nextTx++;
        prismaTransactions.set(id, tx);
        return { id, options: tx.options };
      }
      case "prismaEnd": {
        const tx = prismaTransactions.get(request.tx);
        if (!tx) throw new Error(`Prisma transaction ${request.tx} is not open`);
        prismaTransactions.delete(request.tx);
        await (request.commit ? tx.commit() : tx.rollback());
        return null;
      }
      case "collectGarbage": {
        // As servingMemory.ts does on the server's thread (this file imports nothing of the project):
        // the flag is set and the collector's context made once, on the first request.
        if (!collect) {
          v8.setFlagsFromString("--expose-gc");
          collect = vm.runInNewContext("gc") as () => void;
        }
        const before = v8.getHeapStatistics().used_heap_size;
        collect();
        return Math.max(0, before - v8.getHeapStatistics().used_heap_size);
      }
      case "close":
        if (!db.closed) await db.close();
        return null;
    }
  };

  port.on("message", ({ id, request }: { id: number; request: ThreadRequest }) => {
    handle(request).then(
      (value) => post({ kind: "reply", id, value }),
      (error: unknown) => post({ kind: "failed", id, error: threadError(error) }),
    );
  });
  post({ kind: "ready" });
}

void main();
