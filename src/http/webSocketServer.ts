import crypto from "node:crypto";
import type http from "node:http";
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Logger } from "../logger";
import type { GraphQLContext } from "../graphql/context";
import { formatCatalogError } from "../graphql/errors/errorMapping";
import { unstorableStringError, type OperationGate } from "../graphql/limits/operationGate";
import { clientAddress } from "./clientAddress";
import { rateLimitMessage, type ClientRateLimits } from "./rateLimits";
import { limitConnectionsPerAddress, WEBSOCKET_LIMITS } from "./webSocketLimits";

export interface WebSocketOptions {
  schema: GraphQLSchema;
  gate: OperationGate;
  logger: Logger;
  /** Proxies whose X-Forwarded-For is believed (clientAddress.ts). */
  trustedProxies: ReadonlySet<string>;
  /** The same per-client limits as HTTP's; a socket is counted by its address. */
  limits: ClientRateLimits;
  maxPayloadBytes: number;
  createContext: (requestId: string, authorization: string | undefined) => Promise<GraphQLContext>;
  /** Told of every refusal, by reason (the metrics count them). */
  onRefusal?: (reason: string) => void;
}

/**
 * Subscriptions: graphql-ws on the HTTP server's port and `/graphql` path, under the same limits as HTTP.
 * Credentials, if any, come in the connection's `authorization` parameter (browsers cannot set headers
 * on a WebSocket). Returns a function that closes every socket and stops accepting new ones.
 */
export function serveWebSockets(server: http.Server, options: WebSocketOptions): () => Promise<void> {
  const { gate, logger } = options;
  const refused = (reason: string) => options.onRefusal?.(reason);
  // The same payload limit as an HTTP body; a bigger message closes the socket (1009).
  const webSockets = new WebSocketServer({ server, path: "/graphql", maxPayload: options.maxPayloadBytes });
  limitConnectionsPerAddress(webSockets, WEBSOCKET_LIMITS.connectionsPerAddress, (request) => clientAddress(request, options.trustedProxies), (address) => {
    refused("webSocketConnections");
    logger.warn("Refused a WebSocket: too many from one address", { address });
  });
  const subscriptions = useServer<{ authorization?: string }, { requestId: string }>(
    {
      schema: options.schema,
      // The same limits as over HTTP, checked before graphql-ws parses and validates.
      // Every refusal is an error on the operation's own id: the socket and its other operations go on.
      onSubscribe: (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length >= WEBSOCKET_LIMITS.subscriptionsPerSocket) {
          refused("webSocketSubscriptions");
          logger.warn("Refused a subscription: too many on one socket", { subscription: id });
          return [new GraphQLError(`This socket already runs ${WEBSOCKET_LIMITS.subscriptionsPerSocket} operations; complete some first`, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "subscriptionsPerSocket" } })];
        }
        const unstorable = unstorableStringError(payload.query, payload.variables);
        if (unstorable) {
          refused("nul");
          return [unstorable];
        }
        const admission = gate.admit(payload.query, payload.operationName);
        if (admission.admitted === "unparsed") {
          // Unanswered, graphql-ws would close the whole socket (4500) over one operation's syntax error.
          refused("parse");
          logger.warn("Refused a subscription that does not parse", { subscription: id, error: admission.error.message });
          return [admission.error];
        }
        if (!admission.admitted) {
          refused(String(admission.error.extensions.limit));
          logger.warn("Refused an operation over the limits", { subscription: id, ...admission.error.extensions });
          return [admission.error];
        }
        const limited = options.limits.beforeOperation(`address:${clientAddress(ctx.extra.request, options.trustedProxies)}`, admission.cost);
        if (limited) {
          refused("rateLimited");
          return [new GraphQLError(rateLimitMessage(limited), { extensions: { code: "RATE_LIMITED", limit: limited.limit, retryAfterSeconds: limited.retryAfterSeconds } })];
        }
        return undefined;
      },
      validate: (schema, document) => validate(schema, document, specifiedRules),
      // Credentials from an address whose failed authentications are spent are not even looked at: the
      // socket is closed at its handshake, as an HTTP request with them would be answered 429.
      onConnect: (ctx) => {
        if (typeof ctx.connectionParams?.authorization !== "string") return true;
        const limited = options.limits.beforeAuthentication(clientAddress(ctx.extra.request, options.trustedProxies));
        if (!limited) return true;
        refused("rateLimited");
        ctx.extra.socket.close(4429, rateLimitMessage(limited));
        return false;
      },
      context: async (ctx) => {
        const requestId = crypto.randomUUID();
        const authorization = ctx.connectionParams?.authorization;
        const context = await options.createContext(requestId, typeof authorization === "string" ? authorization : undefined);
        if (context.authFailure) options.limits.authenticationFailed(clientAddress(ctx.extra.request, options.trustedProxies));
        return context;
      },
      // The same error mapping as over HTTP: domain errors get their codes, anything else is masked.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatCatalogError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn("A subscription was refused", { errors: errors.map((e) => e.message) });
        return errors.map((error) => formatCatalogError({ ...error.toJSON(), extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...error.extensions } }, error));
      },
    },
    webSockets,
  );
  return async () => {
    await subscriptions.dispose();
    for (const client of webSockets.clients) client.terminate();
    await new Promise<void>((resolve) => webSockets.close(() => resolve()));
  };
}

