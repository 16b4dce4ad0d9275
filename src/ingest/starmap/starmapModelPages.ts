// Starmap's two model page templates. An author's page (authors/<a>/models/<m>.md) states the model:
// a Technical Specifications table, capability badges, and a Provider Availability table with each
// provider's context and "$in / $out" price. A provider's page (providers/<p>/models/<m>.md) states the
// model as that provider serves it: an Overview list, badges, ✅/❌ tables and the provider's prices.

import {
  ParseError,
  type ModelObservation,
  type OfferingObservation,
  type ParsedDocument,
  type Stated,
} from "../observation";
import { modalityList } from "../units";
import {
  badgesIn,
  boldField,
  columnIndex,
  findHeading,
  headingAbove,
  labelValueRows,
  linksIn,
  plainText,
  sectionLines,
  sectionTables,
  type Line,
  type MarkdownPage,
  type Table,
} from "./markdownPage";
import { CAPABILITY_TABLE_SECTIONS, readCapabilityBadges, readCapabilityTable } from "./starmapCapabilities";
import { authorLink, linkFileNameOf, modelPagePath, pathShape, providerModelLink, resolveLink, rootRelativePath, slugOf } from "./starmapPaths";
import { readInputOutputCell, readPriceTables } from "./starmapPrices";
import { at, dropUndefined, flag, isBlankValue, isoDate, modalities, tokenCount } from "./starmapValues";

/**
 * Reads an author's model page into one model and an offering per Provider Availability row.
 * @throws ParseError when the Technical Specifications table has no Model ID.
 */
export function readAuthorModelPage(page: MarkdownPage, origin: string, doc: ParsedDocument, marker?: Line): void {
  const specsHeading = findHeading(page, "Technical Specifications");
  const specsTable = specsHeading && sectionTables(page, specsHeading).find((t) => /^specification$/i.test(plainText(t.header[0] ?? "")));
  const specs = specsTable ? labelValueRows(specsTable) : new Map<string, { value: string; line: Line }>();
  const id = specs.get("Model ID");
  const ref = id && plainText(id.value);
  if (!ref) {
    const where = specsTable ? "its Technical Specifications table has no \"Model ID\" row" : "it has no Technical Specifications table";
    throw new ParseError(origin, `model page without a Model ID: ${where}`, (specsTable?.line ?? marker)?.number);
  }

  const model = newModel(ref);
  const title = readTitle(page);
  if (title) model.fields.name = title;
  const developedBy = page.lines.findIndex((l) => /^\*\*Developed by\*\*/.test(l.text));
  const h1 = page.headings.find((h) => h.level === 1);
  const description = h1 && readParagraph(page, h1.start + 1, developedBy > h1.start ? developedBy : undefined);
  if (description) model.fields.description = description;

  const author = readDevelopedBy(page, developedBy);
  const shape = pathShape(origin);
  if (author) {
    const authorId = shape?.section === "authors" ? shape.owner : slugOf(author.value);
    model.authorId = { value: authorId, locator: author.locator, ...(author.value !== authorId ? { raw: author.value } : {}) };
    doc.authors.push({ id: authorId, name: author });
  }

  const f = model.fields;
  const stated = (label: string) => specs.get(label);
  const context = stated("Context Window");
  if (context && !isBlankValue(context.value)) f.contextWindow = tokenCount(context.value, context.line, doc.issues, "Context Window");
  const maxOutput = stated("Max Output");
  if (maxOutput && !isBlankValue(maxOutput.value)) f.maxOutputTokens = tokenCount(maxOutput.value, maxOutput.line, doc.issues, "Max Output");
  readModelDates(specs, model, doc);
  readFlagsAndModalities(page, model, doc);
  dropUndefined(f);
  doc.models.push(model);

  const pagePath =
    (shape?.section === "authors" && shape.model !== undefined && rootRelativePath(origin)) ||
    `authors/${model.authorId?.value ?? "unknown"}/models/${modelPagePath(ref)}`;
  readProviderAvailability(page, model, pagePath, doc);
}

/**
 * Reads a provider's model page into the model facts it states and that provider's offering.
 * @throws ParseError when the Overview has no ID.
 */
export function readProviderModelPage(page: MarkdownPage, origin: string, doc: ParsedDocument, marker?: Line): void {
  const overview = findHeading(page, "Overview");
  const items = new Map<string, { value: string; line: Line }>();
  for (const line of overview ? sectionLines(page, overview) : []) {
    const field = boldField(line);
    if (field && !items.has(field.label)) items.set(field.label, { value: field.value, line });
  }
  const id = items.get("ID") ?? items.get("Model ID");
  const ref = id && plainText(id.value);
  if (!ref) {
    const where = overview ? 'its Overview has no "ID" item' : "it has no Overview";
    throw new ParseError(origin, `model page without a Model ID: ${where}`, (overview?.line ?? marker)?.number);
  }

  const model = newModel(ref);
  const title = readTitle(page);
  if (title) model.fields.name = title;
  const h1 = page.headings.find((h) => h.level === 1);
  const description = h1 && readParagraph(page, h1.start + 1, overview?.start, (l) => /^\[Catalog\]/.test(l.text));
  if (description) model.fields.description = description;

  const shape = pathShape(origin);
  const provider = readProviderName(page, items.get("Provider"));
  const providerId = shape?.section === "providers" ? shape.owner : provider ? slugOf(provider.value) : undefined;
  const pagePath =
    (shape?.section === "providers" && shape.model !== undefined && rootRelativePath(origin)) ||
    `providers/${providerId ?? "unknown"}/models/${modelPagePath(ref)}`;

  const authors = items.get("Authors");
  for (const link of authors ? linksIn(authors.value) : []) {
    const authorId = authorLink(link.href) ?? slugOf(link.text);
    const name: Stated<string> = { value: link.text, locator: at(authors!.line) };
    doc.authors.push({ id: authorId, name });
    if (!model.authorId) model.authorId = { value: authorId, locator: at(authors!.line), ...(link.text !== authorId ? { raw: link.text } : {}) };
    const target = resolveLink(pagePath, link.href);
    if (target) doc.links.push({ target, locator: at(authors!.line) });
  }

  readModelDates(items, model, doc);
  readFlagsAndModalities(page, model, doc);
  dropUndefined(model.fields);
  doc.models.push(model);

  if (!providerId) {
    doc.issues.push({ code: "MISSING_FIELD", message: "the page names no provider; the offering is skipped", locator: overview && at(overview.line) });
    return;
  }
  if (provider) doc.providers.push({ id: providerId, name: provider });
  const offering = newOffering(providerId, ref);
  const context = items.get("Context Window");
  if (context && !isBlankValue(context.value)) offering.fields.contextWindow = tokenCount(context.value, context.line, doc.issues, "Context Window");
  const maxOutput = items.get("Max Output");
  if (maxOutput && !isBlankValue(maxOutput.value)) offering.fields.maxOutputTokens = tokenCount(maxOutput.value, maxOutput.line, doc.issues, "Max Output");
  dropUndefined(offering.fields);
  const pricing = findHeading(page, "Pricing");
  if (pricing) offering.prices = readPriceTables(page, pricing, doc.issues);
  doc.offerings.push(offering);
}

function newModel(ref: string): ModelObservation {
  return { ref, aliases: [], fields: {}, capabilities: {} };
}

function newOffering(providerId: string, ref: string, providerModelId = ref): OfferingObservation {
  return { providerId, providerModelId, modelRef: ref, fields: {}, capabilities: {}, prices: [] };
}

/** The page's H1 as the model's display name. */
function readTitle(page: MarkdownPage): Stated<string> | undefined {
  const h1 = page.headings.find((h) => h.level === 1);
  if (h1 && h1.title !== "") return { value: h1.title, locator: at(h1.line) };
  const title = page.frontMatter.get("title");
  return title && title.value !== "" ? { value: title.value, locator: at(title.line) } : undefined;
}

/** The first plain paragraph between two line indexes: the model's description, when the page has one. */
function readParagraph(page: MarkdownPage, from: number, to = page.lines.length, skip: (l: Line) => boolean = () => false): Stated<string> | undefined {
  const paragraph: Line[] = [];
  for (const line of page.lines.slice(Math.max(from, 0), to)) {
    const structural = line.text.startsWith("#") || line.text.startsWith("|") || line.text.startsWith("---") || /^\*\*[^*]+\*\*/.test(line.text);
    if (line.text === "" || skip(line) || structural) {
      if (paragraph.length > 0) break;
      if (structural && !skip(line)) return undefined;
      continue;
    }
    paragraph.push(line);
  }
  if (paragraph.length === 0) return undefined;
  return { value: paragraph.map((l) => l.text).join(" "), locator: at(paragraph[0]) };
}

/** "**Developed by**: [OpenAI](../)", which the generator breaks over up to three lines. */
function readDevelopedBy(page: MarkdownPage, index: number): Stated<string> | undefined {
  if (index >= 0) {
    for (const line of page.lines.slice(index, index + 4)) {
      const link = linksIn(line.text)[0];
      if (link && link.text !== "") return { value: link.text, locator: at(line) };
    }
  }
  const author = page.frontMatter.get("author");
  return author && author.value !== "" ? { value: author.value, locator: at(author.line) } : undefined;
}

/** The provider's display name: the Overview's Provider item, "*Pricing shown for X*", or the breadcrumb. */
function readProviderName(page: MarkdownPage, item?: { value: string; line: Line }): Stated<string> | undefined {
  if (item && plainText(item.value) !== "") return { value: plainText(item.value), locator: at(item.line) };
  const pricingFor = page.lines.find((l) => /^[*_]Pricing shown for .+[*_]$/.test(l.text));
  if (pricingFor) return { value: pricingFor.text.replace(/^[*_]Pricing shown for\s+|[*_]$/g, "").trim(), locator: at(pricingFor) };
  const breadcrumb = page.lines.find((l) => /^\[Catalog\]/.test(l.text));
  const crumb = breadcrumb && linksIn(breadcrumb.text)[2];
  return crumb ? { value: crumb.text, locator: at(breadcrumb) } : undefined;
}

/** Release date, knowledge cutoff and open weights, as a specs table or an overview list states them. */
function readModelDates(items: Map<string, { value: string; line: Line }>, model: ModelObservation, doc: ParsedDocument): void {
  const f = model.fields;
  const release = items.get("Release Date");
  if (release && !isBlankValue(release.value)) f.releaseDate = isoDate(plainText(release.value), release.line, doc.issues, "Release Date");
  const cutoff = items.get("Knowledge Cutoff");
  if (cutoff && !isBlankValue(cutoff.value)) f.knowledgeCutoff = isoDate(plainText(cutoff.value), cutoff.line, doc.issues, "Knowledge Cutoff");
  const open = items.get("Open Weights");
  if (open && !isBlankValue(open.value)) f.openWeights = flag(open.value, open.line, doc.issues, "Open Weights");
}

/** Capability flags and modalities: badges first, in page order, then the ✅/❌ tables. */
function readFlagsAndModalities(page: MarkdownPage, model: ModelObservation, doc: ParsedDocument): void {
  page.lines.forEach((line, i) => {
    if (page.inCode[i] || !line.text.includes("img.shields.io/badge/")) return;
    readCapabilityBadges(line, model.capabilities);
    for (const badge of badgesIn(line.text)) {
      const direction = badge.label.trim().toLowerCase();
      if (direction !== "input" && direction !== "output") continue;
      const field = direction === "input" ? "inputModalities" : "outputModalities";
      const value = modalityList(badge.value.split(/\s*,\s*/));
      if (!model.fields[field] && value.length > 0) model.fields[field] = modalities(value, badge.value, line);
    }
  });
  for (const table of page.tables) {
    const section = headingAbove(page, table.start)?.title.toLowerCase();
    if (section && CAPABILITY_TABLE_SECTIONS.has(section)) readCapabilityTable(table, model.capabilities, doc.issues);
    if (/^direction$/i.test(plainText(table.header[0] ?? ""))) readModalityTable(table, model);
  }
}

/** "| **Input** | ✅ | ❌ | …" under "| Direction | Text | Image | …": the modalities marked ✅. */
function readModalityTable(table: Table, model: ModelObservation): void {
  for (const row of table.rows) {
    const direction = plainText(row.cells[0] ?? "").toLowerCase();
    const field = direction === "input" ? "inputModalities" : direction === "output" ? "outputModalities" : undefined;
    if (!field || model.fields[field]) continue;
    const marked = table.header.slice(1).filter((_, i) => /^(✅|✓|✔)/.test(row.cells[i + 1] ?? ""));
    if (marked.length > 0) model.fields[field] = { value: modalityList(marked.map(plainText)), locator: at(row.line) };
  }
}

/**
 * The author page's "Provider Availability" rows: one offering each. The row's link names the provider's
 * page by the flattened model id, so the offering keeps the model's own id when the link matches it.
 */
function readProviderAvailability(page: MarkdownPage, model: ModelObservation, pagePath: string, doc: ParsedDocument): void {
  const heading = findHeading(page, "Provider Availability");
  const table = heading && sectionTables(page, heading).find((t) => columnIndex(t, /^provider$/i) >= 0);
  if (!table) return;
  const providerColumn = columnIndex(table, /^provider$/i);
  const contextColumn = columnIndex(table, /^context/i);
  const pricingColumn = columnIndex(table, /^pricing/i);
  for (const row of table.rows) {
    const cell = row.cells[providerColumn] ?? "";
    const link = linksIn(cell)[0];
    const name = link ? link.text : plainText(cell);
    if (name === "" || /^no providers/i.test(name)) continue;
    const linked = link && providerModelLink(link.href);
    const providerId = linked?.providerId ?? slugOf(name);
    const linkedModel = linked && linked.fileName !== linkFileNameOf(model.ref) && `${linked.fileName}.md` !== modelPagePath(model.ref);
    const offering = newOffering(providerId, model.ref, linkedModel ? linked.fileName : model.ref);
    if (link) {
      const target = resolveLink(pagePath, link.href);
      if (target) doc.links.push({ target, locator: at(row.line) });
    }
    if (!doc.providers.some((p) => p.id === providerId)) doc.providers.push({ id: providerId, name: { value: name, locator: at(row.line) } });
    const context = contextColumn >= 0 ? row.cells[contextColumn] ?? "" : "";
    if (!isBlankValue(context)) offering.fields.contextWindow = tokenCount(context, row.line, doc.issues, `${name} context`);
    dropUndefined(offering.fields);
    if (pricingColumn >= 0) offering.prices = readInputOutputCell(row.cells[pricingColumn] ?? "", row.line, doc.issues);
    doc.offerings.push(offering);
  }
}
