import type { ChangeCounts } from "../load/loadReport";
import type { ImportReport } from "./importDocuments";

const MAX_LISTED = 20;

function counts(label: string, c: ChangeCounts): string {
  return `${label.padEnd(10)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
}

/** The summary an import prints: what was read, what changed, and every file that failed and why. */
export function importSummary(report: ImportReport): string {
  const lines = [
    `Documents  ${report.read} read: ${report.documents.loaded} loaded, ${report.documents.unchanged} unchanged, ${report.skipped.length} skipped, ${report.failed.length} failed`,
    counts("Authors", report.authors),
    counts("Providers", report.providers),
    counts("Models", report.models),
    counts("Offerings", report.offerings),
    `${"Prices".padEnd(10)} ${report.prices.created} created, ${report.prices.updated} changed (old row closed), ${report.prices.closed} closed, ${report.prices.unchanged} unchanged`,
    `${"Conflicts".padEnd(10)} ${report.conflicts} fields on which sources disagree`,
  ];
  if (report.issues.length > 0) {
    const byCode = new Map<string, number>();
    for (const issue of report.issues) byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
    lines.push(`${"Issues".padEnd(10)} ${[...byCode].map(([code, n]) => `${n} ${code}`).join(", ")} (records left out or values not read)`);
  }
  const list = (title: string, items: { uri: string; reason: string; line?: number }[]) => {
    if (items.length === 0) return;
    lines.push(`${title}:`);
    for (const item of items.slice(0, MAX_LISTED)) lines.push(`  ${item.uri}${item.line !== undefined ? `:${item.line}` : ""}: ${item.reason}`);
    if (items.length > MAX_LISTED) lines.push(`  ... and ${items.length - MAX_LISTED} more`);
  };
  list("Failed", report.failed);
  const skippedReasons = new Map<string, number>();
  for (const s of report.skipped) skippedReasons.set(s.reason, (skippedReasons.get(s.reason) ?? 0) + 1);
  if (skippedReasons.size > 0) lines.push(`Skipped: ${[...skippedReasons].map(([reason, n]) => `${n} ${reason}`).join("; ")}`);
  lines.push(`Took ${(report.durationMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
