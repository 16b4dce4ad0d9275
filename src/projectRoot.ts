import fs from "node:fs";
import path from "node:path";

/**
 * The first folder at or above `start` that holds `marker` (a file or folder path relative to it),
 * so code finds project files the same way from `src/` (tests) and from `dist/src/` (the built server).
 */
export function findUp(marker: string, start: string = __dirname): string | undefined {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, marker))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
