import crypto from "node:crypto";
import type http from "node:http";
import { compress, COMPRESS_FROM_BYTES, negotiateEncoding, type ContentEncoding } from "./compression";

/**
 * An answer as sent: status, headers, the body, and its compressed forms once made (a cached answer or
 * a static file keeps them, so each is compressed once).
 */
export interface Representation {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** A validator for conditional requests; set only on answers a client may cache. */
  etag?: string;
  /** Compressed bodies by encoding, filled as clients ask for them. */
  encoded?: Map<Exclude<ContentEncoding, "identity">, Promise<Buffer>>;
  /** How hard to compress: "static" for files kept for good, "dynamic" for answers. */
  effort: "static" | "dynamic";
}

/** A weak validator of `body`: equal bytes, equal tag (weak, since the bytes sent vary with the encoding). */
export function etagOf(body: Buffer): string {
  return `W/"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * Sends `representation` as the request asks: 304 without a body when its `If-None-Match` names the
 * ETag (GET and HEAD only), compressed with brotli or gzip when the client takes it and the body is at
 * least {@link COMPRESS_FROM_BYTES}, no body for HEAD.
 */
export async function sendRepresentation(request: http.IncomingMessage, response: http.ServerResponse, representation: Representation): Promise<void> {
  for (const [name, value] of representation.headers) response.setHeader(name, value);
  const { body, etag } = representation;
  const compressible = body.length >= COMPRESS_FROM_BYTES;
  if (compressible) response.appendHeader("vary", "Accept-Encoding");
  const method = request.method ?? "GET";
  if (etag) {
    response.setHeader("etag", etag);
    if ((method === "GET" || method === "HEAD") && representation.status === 200 && matchesIfNoneMatch(request.headers["if-none-match"], etag)) {
      response.removeHeader("content-type");
      response.statusCode = 304;
      response.end();
      return;
    }
  }
  const encoding = compressible ? negotiateEncoding(request.headers["accept-encoding"]) : "identity";
  let bytes = body;
  if (encoding !== "identity") {
    let encoded = representation.encoded?.get(encoding);
    if (!encoded) {
      encoded = compress(body, encoding, representation.effort);
      representation.encoded?.set(encoding, encoded);
      encoded.catch(() => representation.encoded?.delete(encoding));
    }
    bytes = await encoded;
    response.setHeader("content-encoding", encoding);
  }
  response.statusCode = representation.status;
  response.setHeader("content-length", bytes.length);
  response.end(method === "HEAD" ? undefined : bytes);
}
