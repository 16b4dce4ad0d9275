// The messages between the server's thread and the thread that runs PGlite (pgliteThread.ts). Types
// only: the thread imports nothing of the project at run time (it may be started from sources).

/** What the PGlite thread is started with. */
export interface PgliteThreadOptions {
  /** The data folder, or "memory://". */
  dataDir: string;
  startParams: string[];
}

/** A request; `tx` names an open transaction (ours or Prisma's) the request runs in. */
export type ThreadRequest =
  | { op: "query"; sql: string; params?: unknown[]; tx?: number }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "copyFrom"; sql: string; csv: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "listen"; channel: string }
  | { op: "unlisten"; channel: string }
  | { op: "prismaQuery"; query: unknown; tx?: number }
  | { op: "prismaExecute"; query: unknown; tx?: number }
  | { op: "prismaScript"; script: string }
  | { op: "prismaBegin"; isolationLevel?: string }
  | { op: "prismaEnd"; tx: number; commit: boolean }
  | { op: "collectGarbage" }
  | { op: "close" };

/** An error as it crosses the threads: its message, name and stack, and PostgreSQL's fields (code, detail...). */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export type ThreadMessage =
  | { kind: "ready" }
  | { kind: "startFailed"; error: ThreadError }
  | { kind: "reply"; id: number; value: unknown }
  | { kind: "failed"; id: number; error: ThreadError }
  | { kind: "notification"; channel: string; payload: string };
