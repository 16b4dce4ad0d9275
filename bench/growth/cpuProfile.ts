// Summarises a V8 .cpuprofile (node --cpu-prof) over a time window: the functions with the most self time,
// and the project's own functions with the most total time (self plus callees), so that a hot library
// function can be traced back to the src/ code that calls it.
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  selfMs: number;
  selfPercent: number;
  totalMs: number;
  totalPercent: number;
  where: string;
}

export interface ProfileSummary {
  /** Sampled time inside the window. */
  windowMs: number;
  /** The share of it the process was idle (waiting for I/O). */
  idlePercent: number;
  topSelf: ProfileLine[];
  /** Functions under dist/src (the project's code), by total time. */
  topProjectTotal: ProfileLine[];
}

/** A profile window in the clock V8 stamps samples with: CLOCK_MONOTONIC microseconds, as `process.hrtime`. */
export interface Window {
  fromUs: number;
  toUs: number;
}

export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** The newest .cpuprofile file in `dir`. */
export function newestProfile(dir: string): string | undefined {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : [];
  return files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
}

/** Self and total time per function (name, file and line) of the samples taken inside `window`. */
export function summariseProfile(profile: CpuProfile, window: Window, top = 15, projectRoot = ""): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let windowUs = 0;
  let idleUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < window.fromUs || at > window.toUs) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    windowUs += delta;
    const key = frameKey(node, projectRoot);
    if (node.callFrame.functionName === "(idle)") idleUs += delta;
    self.set(key, (self.get(key) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = frameKey(byId.get(id)!, projectRoot);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + delta);
    }
  }
  const line = (where: string): ProfileLine => {
    const s = self.get(where) ?? 0;
    const t = total.get(where) ?? 0;
    return { where, selfMs: s / 1000, selfPercent: (100 * s) / Math.max(1, windowUs), totalMs: t / 1000, totalPercent: (100 * t) / Math.max(1, windowUs) };
  };
  const topSelf = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([where]) => line(where));
  const topProjectTotal = [...total.entries()]
    .filter(([where]) => / (dist\/)?src\//.test(where))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where]) => line(where));
  return { windowMs: windowUs / 1000, idlePercent: (100 * idleUs) / Math.max(1, windowUs), topSelf, topProjectTotal };
}

const sourceMaps = new Map<string, SourceMap | null>();

/** The TypeScript position of a compiled position, through the .js.map tsc wrote beside the file. */
function original(file: string, line: number, column: number): { file: string; line: number } | undefined {
  if (!sourceMaps.has(file)) {
    try {
      sourceMaps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8"))));
    } catch {
      sourceMaps.set(file, null);
    }
  }
  const map = sourceMaps.get(file);
  const entry = map?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
  if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
  return { file: path.resolve(path.dirname(file), entry.originalSource.replace(/^file:\/\//, "")), line: entry.originalLine + 1 };
}

function frameKey(node: ProfileNode, projectRoot: string): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const name = functionName || "(anonymous)";
  if (!url) return name;
  let file = url.replace(/^file:\/\//, "");
  let line = lineNumber + 1;
  const source = file.includes("/node_modules/") ? undefined : original(file, lineNumber, columnNumber);
  if (source) ({ file, line } = source);
  if (projectRoot && file.startsWith(projectRoot)) file = file.slice(projectRoot.length).replace(/^\//, "");
  else if (file.includes("/node_modules/")) file = file.slice(file.lastIndexOf("/node_modules/") + 1);
  return `${name} ${file}:${line}`;
}
