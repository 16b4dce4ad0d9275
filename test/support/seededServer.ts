import type { RunningCatalog } from "../../src/main";
import { startTestServer } from "./testServer";

export interface SeededServer {
  catalog: RunningCatalog;
  /** POSTs a GraphQL operation; returns the parsed response body. */
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: Data; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] }>;
  stop(): Promise<void>;
}

/** A server on a fresh database seeded from seed/, over real HTTP. */
export async function startSeededServer(): Promise<SeededServer> {
  const server = await startTestServer({ seedOnStart: true });
  const { catalog } = server;
  return {
    catalog,
    async graphql(query, variables) {
      const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as never;
    },
    stop: () => server.stop(),
  };
}
