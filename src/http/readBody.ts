import type { IncomingMessage } from "node:http";

export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`);
    this.name = "PayloadTooLargeError";
  }
}

/** A body whose bytes are not UTF-8: refused, not decoded with replacement characters stored for good. */
export class MalformedBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedBodyError";
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a request body as UTF-8 text, refusing bodies larger than `limitBytes` without buffering them.
 * @throws PayloadTooLargeError past the limit; MalformedBodyError for bytes that are not UTF-8.
 */
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
    request.on("end", () => {
      try {
        resolve(strictUtf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new MalformedBodyError("Request body is not valid UTF-8"));
      }
    });
    request.on("error", reject);
  });
}
