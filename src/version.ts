import fs from "node:fs";
import path from "node:path";

function readVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    dir = path.dirname(dir);
  }
  return "0.0.0";
}

/** The version in package.json, found from `src/` or `dist/src/`. */
export const APP_VERSION = readVersion();
