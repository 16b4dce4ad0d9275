// What the benchmark needs to know to run one contender: how to start it, when it is ready, which
// request body it gets for each query, and, for those on PostgreSQL, how to tell its database is busy
// and clean up after it.
import type { QueryName } from "./queries";
import type { ContenderName } from "./settings";
import type { ServerProcess } from "./serverProcess";

export interface Contender {
  name: ContenderName;
  /** One line for the report. */
  description: string;
  /** Starts a fresh process listening on 127.0.0.1:port. */
  start(port: number): ServerProcess;
  /** Whether the server at `baseUrl` answers (polled until true). */
  ready(baseUrl: string): Promise<boolean>;
  /** The body it is sent per query it can answer; a query absent here is not run on it. */
  bodies: Partial<Record<QueryName, string>>;
  /** How long it may take from start to ready. */
  startTimeoutMs: number;
  /** Whether its database still runs queries (after a warm-up). */
  busy?: () => Promise<boolean>;
  /** After its process is gone: end what it left running (database sessions). */
  cleanUp?: () => Promise<void>;
  /** Its answers are compared with ours (same schema); false for PostGraphile's own shape. */
  comparable: boolean;
  /** It is our server: cold start and the health probe are measured. */
  ours: boolean;
}
