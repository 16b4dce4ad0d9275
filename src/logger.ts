import pino from "pino";
import type { LogLevel } from "./config";

/**
 * What the code logs through: a message and optional fields. Fields named `level`, `time`, `msg`, `pid`
 * and `hostname` are pino's own keys and would shadow them in the line, so callers avoid them.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `bindings` (a request's `requestId`, say) to every line it writes. */
  child(bindings: Record<string, unknown>): Logger;
}

/** What every credential-carrying place is replaced with in a line. */
export const REDACTED = "[Redacted]";

/**
 * Where a secret could end up in a line's fields. An API key travels only in the Authorization header, so
 * headers (as logged whole or one level down, e.g. `{ request: { headers } }`) and fields named after a
 * credential are covered. `key` is deliberately absent: the refusal log's `key` holds a key's name or
 * public prefix, which is what an operator needs to see, never its secret.
 */
const REDACT_PATHS = [
  "authorization",
  "cookie",
  "apiKey",
  "password",
  "secret",
  "headers.authorization",
  "headers.cookie",
  'headers["x-api-key"]',
  "*.authorization",
  "*.apiKey",
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["x-api-key"]',
];

// One stderr writer for the process, so loggers created per CLI run or per test do not each open one.
// Lines are written asynchronously (what arrives during a write waits for the next one, no minimum
// batch, so a line never lingers): a synchronous write per line cost a tenth of the throughput of
// cached answers once every request logs its access line. What is still pending is flushed
// synchronously when the process exits, so a line logged right before process.exit (or an uncaught
// exception) is still written.
let stderr: ReturnType<typeof pino.destination> | undefined;
function stderrDestination(): pino.DestinationStream {
  if (!stderr) {
    const destination = pino.destination({ fd: 2, sync: false });
    process.once("exit", () => {
      try {
        destination.flushSync();
      } catch {
        // Nothing more can be done about a line that cannot be written while exiting.
      }
    });
    stderr = destination;
  }
  return stderr;
}

/**
 * A logger writing one JSON object per line (pino's format: `level`, `time`, `pid`, `hostname`, `msg`,
 * then the fields) to stderr, or to `write` when given (each call receives one line ending in "\n").
 * Lines below `level` are dropped; "silent" drops all. In fields, a bigint becomes a string and an Error
 * `{ name, message }` (never its stack: expected errors would otherwise fill the log with traces, and a
 * stack may reveal paths); a circular reference becomes "[Circular]"; authorization headers and API keys
 * are replaced by "[Redacted]".
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write ? { write } : stderrDestination();
  const instance = pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { log: (fields) => loggable(fields) as Record<string, unknown> },
    },
    destination,
  );
  return adapt(instance);
}

/** A logger that writes nothing, for tests and embedders that bring their own logging. */
export const silentLogger: Logger = createLogger("silent");

function adapt(instance: pino.Logger): Logger {
  // pino takes the fields first and the message second; the codebase's callers write it the other way round.
  const at = (level: "debug" | "info" | "warn" | "error") => (message: string, fields?: Record<string, unknown>) => {
    if (fields) instance[level](fields, message);
    else instance[level](message);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    // pino's `log` formatter sees only a call's fields, and its `bindings` formatter only the root's, so a
    // child's bindings are made loggable here, once, when the child is made.
    child: (bindings) => adapt(instance.child(loggable(bindings) as pino.Bindings)),
  };
}

/**
 * The value as JSON would see it, with a bigint as its decimal string and an Error as `{ name, message }`,
 * at any depth (what the line-per-event logger before pino did with a JSON.stringify replacer). A value's
 * own `toJSON` runs first, as in JSON.stringify, so a GraphQLError keeps its message, path and extensions.
 */
function loggable(value: unknown, seen: Set<object> = new Set()): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object" || value === null) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const json = (value as { toJSON(): unknown }).toJSON();
    // Date and Decimal turn into strings here; an object from toJSON is walked like any other.
    return json === value ? json : loggable(json, seen);
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => loggable(item, seen));
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = loggable((value as Record<string, unknown>)[key], seen);
    return copy;
  } finally {
    // A value shared by two branches is not a cycle; only the path from the root is.
    seen.delete(value);
  }
}
