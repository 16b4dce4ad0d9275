// Memory and CPU of a process (or of one of this process's threads), read from /proc (Linux).
import fs from "node:fs";

export interface MemoryMb {
  /** VmHWM: the peak resident set since the process started. */
  peakRssMb: number;
  /** VmRSS: the resident set now. */
  rssMb: number;
}

/** The process's peak and current RSS in MB; undefined when it is gone or /proc is not there. */
export function memoryOf(pid: number): MemoryMb | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { peakRssMb: Math.round(kb("VmHWM") / 1024), rssMb: Math.round(kb("VmRSS") / 1024) };
}

/** CPU time the process has used (user + system), in clock ticks (1/100 s on Linux); undefined when it is gone. */
export function cpuTicksOf(pid: number): number | undefined {
  return cpuTicksIn(`/proc/${pid}/stat`);
}

/** The same for one thread of this process, by its id in /proc/self/task. */
export function threadCpuTicksOf(tid: number): number | undefined {
  return cpuTicksIn(`/proc/self/task/${tid}/stat`);
}

function cpuTicksIn(statFile: string): number | undefined {
  try {
    const stat = fs.readFileSync(statFile, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the largest sample. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number | undefined } {
  let largest: number | undefined;
  const take = () => {
    const rss = memoryOf(pid)?.rssMb;
    if (rss !== undefined && (largest === undefined || rss > largest)) largest = rss;
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return largest;
    },
  };
}
