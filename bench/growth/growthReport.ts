// The growth table: one row per figure, one column per catalog size, then each size's ratio to 1×.

export type Cell = number | string | undefined;

export interface ReportRow {
  label: string;
  /** One value per size, in the order of the sizes. */
  values: Cell[];
  /** Digits after the point. */
  digits?: number;
  /** Whether a ratio to the first size means something for this row (not for counts of samples). */
  ratio?: boolean;
}

export function formatNumber(value: Cell, digits = 0): string {
  if (value === undefined) return "-";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "-";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratioText(value: Cell, base: Cell): string {
  if (typeof value !== "number" || typeof base !== "number" || base === 0 || !Number.isFinite(value) || !Number.isFinite(base)) return "-";
  const r = value / base;
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

/** A plain-text table: label, a value per size, and for each size after the first its ratio to the first. */
export function renderTable(sizes: string[], rows: ReportRow[]): string {
  const header = ["", ...sizes, ...sizes.slice(1).map((s) => `${s}/${sizes[0]}`)];
  const lines = rows.map((row) => {
    if (row.values.length === 0) return [row.label];
    const values = row.values.map((v) => formatNumber(v, row.digits ?? 0));
    const ratios = sizes.slice(1).map((_, i) => (row.ratio === false ? "" : ratioText(row.values[i + 1], row.values[0])));
    return [row.label, ...values, ...ratios];
  });
  const widths = header.map((_, c) => Math.max(...[header, ...lines].map((l) => (l[c] ?? "").length)));
  const render = (cells: string[]) =>
    cells.length === 1 ? cells[0] : cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd();
  return [render(header), render(header.map((_, c) => "-".repeat(widths[c]))), ...lines.map(render)].join("\n");
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
