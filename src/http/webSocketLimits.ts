import type { IncomingMessage } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";

export const WEBSOCKET_LIMITS = {
  /** Open sockets one address may hold (a browser tab needs one). */
  connectionsPerAddress: 50,
  /** Operations one socket may run at once. */
  subscriptionsPerSocket: 100,
};

/**
 * Closes a new socket at once (1008, policy violation) when its address already holds `max` of them,
 * so that one client cannot take every socket the server can hold. Counted from the moment the socket
 * opens, before the GraphQL handshake, so that silent sockets count too.
 */
export function limitConnectionsPerAddress(server: WebSocketServer, max: number, addressOf: (request: IncomingMessage) => string, onRefuse: (address: string) => void): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    const address = addressOf(request);
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      onRefuse(address);
      socket.close(1008, `Too many connections from this address (at most ${max})`);
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
