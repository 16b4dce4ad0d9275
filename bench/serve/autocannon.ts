// Drives a contender with autocannon, each run in a child process (loadRun.ts).
import { execFile } from "node:child_process";
import path from "node:path";

export interface LoadOptions {
  url: string;
  /** A JSON body to POST; a GET without one. */
  body?: string;
  connections: number;
  durationS: number;
  timeoutS: number;
}

export interface LoadResult {
  /** Mean of autocannon's per-second request counts. */
  rps: number;
  /** Responses received. */
  requests: number;
  /** null when no response came back. */
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  bytesPerSec: number;
  /** Connection errors and timeouts (autocannon counts timeouts among errors). */
  errors: number;
  timeouts: number;
  /** Responses with a status outside 200-299. */
  non2xx: number;
  durationS: number;
}

/** Runs one load in a fresh process; rejects with autocannon's output when it fails. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, "loadRun.js"), JSON.stringify(options)], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`autocannon failed: ${stderr.trim() || error.message}`));
      try {
        resolve(JSON.parse(stdout.trim().split("\n").pop()!) as LoadResult);
      } catch {
        reject(new Error(`autocannon printed no result: ${stdout.slice(0, 300)} ${stderr.slice(0, 300)}`));
      }
    });
  });
}

/** A failed measurement in words: responses that were not 2xx, errors, timeouts; undefined when clean. */
export function loadProblems(result: LoadResult): string | undefined {
  const problems = [
    result.non2xx > 0 ? `${result.non2xx} non-2xx` : "",
    result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} errors` : "",
    result.timeouts > 0 ? `${result.timeouts} timeouts` : "",
    result.requests === 0 ? "no response" : "",
  ].filter(Boolean);
  return problems.length > 0 ? problems.join(", ") : undefined;
}
