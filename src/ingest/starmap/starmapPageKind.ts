// Which of Starmap's page templates a document is, told from its content; the path decides only when
// the content carries none of the templates' markers (a copy named "004_….txt" is still a model page).
// A README without its information table states nothing, so only model paths count as a marker.

import { boldField, findHeading, plainText, sectionLines, sectionTables, type Line, type MarkdownPage } from "./markdownPage";
import { pathShape } from "./starmapPaths";

export type StarmapPageKind = "author-model" | "provider-model" | "provider" | "author" | "index";

export interface PageKindVerdict {
  kind: StarmapPageKind;
  /** The line that marks the kind (the specifications table, the overview heading), for errors. */
  line?: Line;
}

/** Decides the page kind from the generator's markers, then from the path. */
export function detectPageKind(page: MarkdownPage, origin: string): PageKindVerdict {
  return authorModelMarker(page) ?? providerModelMarker(page) ?? ownerMarker(page) ?? kindFromPath(origin);
}

/** An author's model page: "## 📋 Technical Specifications" with a Specification | Value table, or "type: model". */
function authorModelMarker(page: MarkdownPage): PageKindVerdict | undefined {
  const specs = findHeading(page, "Technical Specifications");
  const table = specs && sectionTables(page, specs).find((t) => /^specification$/i.test(plainText(t.header[0] ?? "")));
  if (table) return { kind: "author-model", line: table.line };
  const type = page.frontMatter.get("type");
  if (type && /^model$/i.test(type.value)) return { kind: "author-model", line: specs?.line ?? type.line };
  return undefined;
}

/** A provider's model page: "## 📋 Overview" listing **ID** / **Provider**, or "*Pricing shown for X*". */
function providerModelMarker(page: MarkdownPage): PageKindVerdict | undefined {
  const overview = findHeading(page, "Overview");
  if (overview) {
    const labels = sectionLines(page, overview).map((l) => boldField(l)?.label.toLowerCase());
    if (labels.some((l) => l === "id" || l === "model id" || l === "provider")) return { kind: "provider-model", line: overview.line };
  }
  const pricingFor = page.lines.find((l) => /^[*_]Pricing shown for .+[*_]$/.test(l.text));
  return pricingFor ? { kind: "provider-model", line: overview?.line ?? pricingFor } : undefined;
}

/** A provider's or an author's README: its "Provider Information" / "Organization Information" table. */
function ownerMarker(page: MarkdownPage): PageKindVerdict | undefined {
  const provider = findHeading(page, "Provider Information");
  if (provider && sectionTables(page, provider).length > 0) return { kind: "provider", line: provider.line };
  const author = findHeading(page, "Organization Information");
  if (author && sectionTables(page, author).length > 0) return { kind: "author", line: author.line };
  return undefined;
}

function kindFromPath(origin: string): PageKindVerdict {
  const shape = pathShape(origin);
  if (shape?.model === undefined) return { kind: "index" };
  return { kind: shape.section === "authors" ? "author-model" : "provider-model" };
}
