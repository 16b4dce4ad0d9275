import type { CatalogQualityReport } from "../catalog/quality/catalogQualityReport";
import { percent } from "../catalog/quality/suspectedDuplicates";
import type { TallyEntry } from "../catalog/quality/tally";

const n = (value: number) => value.toLocaleString("en-US");

function tallyLines(entries: readonly TallyEntry[], total: number): string[] {
  const width = Math.max(0, ...entries.map((e) => n(e.count).length));
  const nameWidth = Math.max(0, ...entries.map((e) => e.name.length));
  return entries.map((e) => {
    const share = `${percent(e.count, total).toFixed(1)}%`.padStart(6);
    const words = e.label ? `  ${e.label}` : "";
    const example = e.example ? `  (e.g. ${e.example})` : "";
    return `    ${n(e.count).padStart(width)} ${share}  ${e.name.padEnd(nameWidth)}${words}${example}`;
  });
}

function more(shown: number, total: number): string[] {
  return total > shown ? [`    … and ${n(total - shown)} more (--limit)`] : [];
}

/** The report as text for a terminal: headline figures first, then one section per measure, lists cut at the report's limit. */
export function catalogReportText(report: CatalogQualityReport, database: string): string {
  const { headline: h, duplicates: d, conflicts: c, withoutContextWindow: w, withoutPrice: p, idleSources: s } = report;
  const lines: string[] = [
    `Catalog quality report: ${database}, snapshot of ${report.snapshotBuiltAt.toISOString()}`,
    "",
    `Models ${n(h.models)} · offerings ${n(h.offerings)} · prices ${n(h.prices)} (${n(h.currentPrices)} current) · providers ${n(h.providers)} · authors ${n(h.authors)} · sources ${n(h.sources)} · conflicts ${n(h.conflicts)}`,
    `Suspected duplicates ${n(d.groups)} groups, ${n(d.surplus)} surplus (${d.surplusPercent.toFixed(1)}% of models) · without context window ${n(w.count)} · without price ${n(p.count)} · sources that contributed nothing ${n(s.withoutFacts + s.withoutChosenFacts)}`,
    "",
    "Suspected duplicates (ids that meet once prefixes, snapshot suffixes and punctuation are dropped)",
    `  ${n(d.groups)} groups holding ${n(d.records)} models: ${n(d.surplus)} surplus records, ${d.surplusPercent.toFixed(1)}% of models`,
    ...d.list.map((g) => `    ${String(g.modelIds.length).padStart(3)}  ${g.modelIds.join(", ")}`),
    ...more(d.list.length, d.groups),
    "",
    `Conflicts: ${n(c.total)} (${n(c.open)} open, ${n(c.resolved)} resolved by an admin)`,
    "  by pattern",
    ...tallyLines(c.byPattern, c.total),
    "  by who disagrees with the value chosen",
    ...tallyLines(c.byDissent, c.total),
    "  by the document whose value was chosen",
    ...tallyLines(c.byWinnerRole, c.total),
    "  by record",
    ...tallyLines(c.byEntityType, c.total),
    "  by field",
    ...tallyLines(c.byField, c.total),
    ...more(c.byField.length, c.fields),
    "",
    `Models without a model-level context window: ${n(w.count)} (${percent(w.count, h.models).toFixed(1)}%); ${n(w.onAnOffering)} of them have one on an offering`,
    ...(w.modelIds.length ? [`    ${w.modelIds.join(", ")}`] : []),
    ...more(w.modelIds.length, w.count),
    "",
    `Models without a current price: ${n(p.count)} (${percent(p.count, h.models).toFixed(1)}%); ${n(p.withoutOfferings)} of them have no offering`,
    ...(p.modelIds.length ? [`    ${p.modelIds.join(", ")}`] : []),
    ...more(p.modelIds.length, p.count),
    "",
    `Documents that contributed nothing: ${n(s.withoutFacts + s.withoutChosenFacts)} of ${n(s.documents)} (${n(s.withoutFacts)} state no fact, ${n(s.withoutChosenFacts)} had every fact outranked)`,
    ...s.list.map((x) => `    ${x.uri} (${x.format}, ${n(x.facts)} facts)`),
    ...more(s.list.length, s.withoutFacts + s.withoutChosenFacts),
  ];
  return lines.join("\n");
}
