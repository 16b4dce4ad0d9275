import type { SqlSession } from "./database";

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7900;

/**
 * Sends a notification on `channel`. Inside a transaction it is delivered when (and only if) the
 * transaction commits, so listeners never hear of a rolled-back write.
 */
export async function notify(session: SqlSession, channel: string, payload: string): Promise<void> {
  await session.query("SELECT pg_notify($1, $2)", [channel, payload]);
}
