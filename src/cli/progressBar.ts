/** A one-line progress bar redrawn in place on a terminal; silent when the stream is not one. */
export class ProgressBar {
  private lastDraw = 0;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  update(label: string, done?: number, total?: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && done !== total) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 60));
    let bar = "";
    if (done !== undefined && total) {
      const filled = Math.round((done / total) * width);
      bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} `;
    }
    const line = `${bar}${label}`.slice(0, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r\x1b[K${line}`);
  }

  clear(): void {
    if (this.enabled) this.stream.write("\r\x1b[K");
  }
}
