import { Client } from "pg";

/** How long to wait before reopening a dropped listening connection: doubling from 100 ms up to 5 s. */
const RETRY_MS = { first: 100, max: 5_000 };

/**
 * A dedicated connection that LISTENs on one channel (a pooled connection cannot: the pool hands it to
 * others). When the connection drops (a server restart, a terminated backend, a network cut) it is
 * reopened with backoff, and `onResume` runs once it listens again, because notifications sent while
 * it was away are lost. Never throws into the process: connection errors are retried, not raised.
 */
export async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
  let client: Client | undefined;
  let stopped = false;
  let retryMs = RETRY_MS.first;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (resumed: boolean): Promise<void> => {
    const next = new Client({ connectionString: url });
    next.on("error", () => undefined); // followed by "end", which reconnects
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on("end", () => {
      if (client === next && !stopped) schedule();
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = RETRY_MS.first;
    if (resumed) onResume?.();
  };

  const schedule = () => {
    client = undefined;
    timer = setTimeout(() => {
      timer = undefined;
      connect(true).catch(() => {
        if (!stopped) schedule();
      });
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  };

  await connect(false);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const current = client;
    client = undefined;
    await current?.end().catch(() => undefined);
  };
}
