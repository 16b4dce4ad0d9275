import type { IncomingMessage } from "node:http";

export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`);
    this.name = "PayloadTooLargeError";
  }
}

/** Reads a request body as text, refusing bodies larger than `limitBytes` without buffering them. */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, not buffered, so the 413 reaches the client
      // instead of a reset connection; the caller closes the connection after answering.
      if (size > limitBytes) reject(new PayloadTooLargeError(limitBytes));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
