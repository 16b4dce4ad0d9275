import type http from "node:http";

/**
 * The address of the client a request comes from, as the rate limits and the WebSocket caps count it.
 * Behind a reverse proxy every request arrives from the proxy: when the socket's peer is one of
 * `trustedProxies`, the client is the nearest address in `X-Forwarded-For` that is not itself a trusted
 * proxy (each proxy appends the address it received from, so entries left of an untrusted one may be
 * forged by the client and are never believed). Without trusted proxies the header is ignored.
 */
export function clientAddress(request: http.IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = normalize(request.socket.remoteAddress ?? "unknown");
  if (!trustedProxies.has(peer)) return peer;
  const header = request.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((hop) => normalize(hop.trim())).filter((hop) => hop !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}

/** IPv4 peers of a dual-stack socket read "::ffff:10.0.0.1"; the proxy list names "10.0.0.1". */
function normalize(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
