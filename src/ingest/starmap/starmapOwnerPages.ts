// Starmap's README page of a provider (its information table, endpoints, privacy and retention policy,
// headquarters) and of an author (its organization table and description). Their model tables only
// repeat the model pages, so they give links for the importer to check, not facts.

import type { ParsedDocument, ProviderObservation, Stated } from "../observation";
import {
  boldField,
  findHeading,
  labelValueRows,
  linksIn,
  plainText,
  sectionLines,
  sectionTables,
  type Line,
  type MarkdownPage,
} from "./markdownPage";
import { pathShape, resolveLink, rootRelativePath } from "./starmapPaths";
import { at, dropUndefined, flag, isBlankValue, retentionDays } from "./starmapValues";

type Rows = Map<string, { value: string; line: Line }>;

/** Reads a provider README into one provider; without a Provider ID (or a providers/<id>/ path) it is an issue. */
export function readProviderReadme(page: MarkdownPage, origin: string, doc: ParsedDocument): void {
  const heading = findHeading(page, "Provider Information");
  const rows: Rows = heading ? sectionTables(page, heading).map(labelValueRows)[0] ?? new Map() : new Map();
  const id = ownerId(rows.get("Provider ID"), origin, "providers");
  if (!id) {
    doc.issues.push({ code: "MISSING_FIELD", message: 'provider page has no "Provider ID"', locator: heading && at(heading.line) });
    return;
  }
  const provider: ProviderObservation = { id };
  const name = pageName(page);
  if (name) provider.name = name;

  const envVars = [...rows].filter(([label]) => /^environment variables?$/i.test(label));
  if (envVars.length > 0) {
    const names = envVars.flatMap(([, row]) => plainText(row.value).split(/[\s,]+/)).filter((n) => n !== "" && !isBlankValue(n));
    if (names.length > 0) provider.apiKeyEnvVars = { value: names, locator: at(envVars[0][1].line) };
  }
  const status = rows.get("Status Page");
  if (status) provider.statusPageUrl = url(status.value, status.line);

  const fields = boldFields(page);
  const docs = fields.get("documentation");
  if (docs) provider.docsUrl = url(docs.value, docs.line);
  const api = fields.get("chat completions") ?? fields.get("models api");
  if (api) provider.apiUrl = url(api.value, api.line);
  const privacy = fields.get("privacy policy");
  if (privacy) provider.privacyPolicyUrl = url(privacy.value, privacy.line);
  const trains = fields.get("trains on user data");
  if (trains && !isBlankValue(trains.value)) provider.trainsOnData = flag(trains.value, trains.line, doc.issues, "Trains on User Data");
  provider.dataRetentionDays = readRetention(fields, doc);

  const hq = findHeading(page, "Headquarters");
  const place = hq && sectionLines(page, hq).find((l) => l.text !== "");
  if (place && !place.text.startsWith("#")) provider.headquarters = { value: plainText(place.text), locator: at(place) };

  dropUndefined(provider);
  doc.providers.push(provider);
  pushModelLinks(page, origin, `providers/${id}/README.md`, doc);
}

/** Reads an author README into one author: id, name, website and description. */
export function readAuthorReadme(page: MarkdownPage, origin: string, doc: ParsedDocument): void {
  const heading = findHeading(page, "Organization Information");
  const rows: Rows = heading ? sectionTables(page, heading).map(labelValueRows)[0] ?? new Map() : new Map();
  const id = ownerId(rows.get("Author ID"), origin, "authors");
  if (!id) {
    doc.issues.push({ code: "MISSING_FIELD", message: 'author page has no "Author ID"', locator: heading && at(heading.line) });
    return;
  }
  const name = pageName(page);
  const website = rows.get("Website");
  const h1 = page.headings.find((h) => h.level === 1);
  const firstSection = page.headings.find((h) => h.level === 2);
  const description = page.lines
    .slice(h1 ? h1.start + 1 : 0, firstSection?.start ?? page.lines.length)
    .find((l) => l.text !== "" && !l.text.startsWith("|") && !l.text.startsWith("["));
  doc.authors.push({
    id,
    ...(name && { name }),
    ...(website && !isBlankValue(website.value) && { url: url(website.value, website.line) }),
    ...(description && { description: { value: description.text, locator: at(description) } }),
  });
  pushModelLinks(page, origin, `authors/${id}/README.md`, doc);
}

/** The id the information table gives, or the one the page's path gives. */
function ownerId(row: { value: string } | undefined, origin: string, section: "authors" | "providers"): string | undefined {
  const stated = row && plainText(row.value);
  if (stated) return stated;
  const shape = pathShape(origin);
  return shape?.section === section && shape.model === undefined ? shape.owner : undefined;
}

/** The H1 without its logo image. */
function pageName(page: MarkdownPage): Stated<string> | undefined {
  const h1 = page.headings.find((h) => h.level === 1);
  return h1 && h1.title !== "" ? { value: h1.title, locator: at(h1.line) } : undefined;
}

/** `**Label**: value` lines outside tables, by lower-case label; the first of each label. */
function boldFields(page: MarkdownPage): Rows {
  const fields: Rows = new Map();
  page.lines.forEach((line, i) => {
    const field = !page.inCode[i] && boldField(line);
    if (field && !fields.has(field.label.toLowerCase())) fields.set(field.label.toLowerCase(), { value: field.value, line });
  });
  return fields;
}

/** A link's target, or the bare URL written. */
function url(value: string, line: Line): Stated<string> | undefined {
  const href = linksIn(value)[0]?.href ?? plainText(value);
  if (!/^https?:\/\//i.test(href)) return undefined;
  return { value: href, locator: at(line) };
}

/** "Retention Duration: 30 days"; without one, "Retains User Data: No" is a retention of zero days. */
function readRetention(fields: Rows, doc: ParsedDocument): Stated<number> | undefined {
  const duration = fields.get("retention duration");
  const days = duration && retentionDays(plainText(duration.value), duration.line, doc.issues);
  if (days) return days;
  const retains = fields.get("retains user data");
  if (retains && /^no$/i.test(plainText(retains.value))) return { value: 0, locator: at(retains.line), raw: plainText(retains.value) };
  return undefined;
}

/** Links of the page's model tables ("[gpt-4.1](./models/gpt-4.1.md)"), resolved from the Starmap root. */
function pushModelLinks(page: MarkdownPage, origin: string, fallbackPath: string, doc: ParsedDocument): void {
  const pagePath = rootRelativePath(origin) ?? fallbackPath;
  for (const table of page.tables) {
    for (const row of table.rows) {
      for (const link of linksIn(row.cells[0] ?? "")) {
        if (!/(^|\/)models\/.+\.md$/.test(link.href)) continue;
        const target = resolveLink(pagePath, link.href);
        if (target) doc.links.push({ target, locator: at(row.line) });
      }
    }
  }
}
