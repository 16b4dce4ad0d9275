import fs from "node:fs";
import path from "node:path";
import { findUp } from "./projectRoot";

function readVersion(): string {
  const root = findUp("package.json");
  if (!root) return "0.0.0";
  return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** The version in package.json. */
export const APP_VERSION = readVersion();
