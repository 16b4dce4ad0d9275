import fs from "node:fs";

/** Thrown when another live process holds the embedded database's folder. */
export class DataDirInUseError extends Error {
  constructor(readonly lockFile: string, readonly pid: number) {
    super(
      `The embedded database folder is in use by process ${pid} (lock file ${lockFile}). ` +
        `Stop that process, or point CATALOG_DATA_DIR at another folder.`,
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * A pid lock file: PGlite would corrupt a folder that two processes open at once. A lock left by a
 * process that no longer runs is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(file: string): DataDirLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: "wx" });
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
        if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
          throw new DataDirInUseError(file, holder);
        }
        if (holder === process.pid) throw new DataDirInUseError(file, holder);
        fs.rmSync(file, { force: true });
      }
    }
    throw new Error(`Could not take the lock file ${file}`);
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
