/** A plain-text table: columns padded to their widest cell; numbers (and "-") right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = (cell: string) => /^[-+]?[\d.,]+( ?(ms|s|MB|x|%))?$|^-$/.test(cell);
  const line = (r: string[]) =>
    r
      .map((c = "", i) => (i > 0 && numeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
