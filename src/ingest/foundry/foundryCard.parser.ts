import {
  emptyDocument,
  ParseError,
  type ModelObservation,
  type OfferingObservation,
  type ParsedDocument,
  type Stated,
} from "../observation";
import { abbreviatedCount, isDecimalText, modalityList, monthYearToIso, normalizeDecimal } from "../units";

/** Microsoft Foundry (formerly Azure AI Foundry) serves its catalog's models as the `azure` provider. */
export const FOUNDRY_PROVIDER_ID = "azure";

const NOT_SUPPLIED = "The provider has not supplied this information.";
const SPEC_HEADING = "Model Specifications";

/** The labels of the card's "Model Specifications" block; each line is a label run into its value. */
const SPEC_LABELS = [
  "Context Length",
  "Max Output Tokens",
  "Quality Index",
  "License",
  "Training Data",
  "Last Updated",
  "Input Type",
  "Output Type",
  "Provider",
  "Languages",
] as const;
type SpecLabel = (typeof SPEC_LABELS)[number];

interface Line {
  text: string;
  number: number;
}

/** The locator of a line of the card: "L23". */
const at = (line: Line) => `L${line.number}`;

/**
 * Parses a Microsoft Foundry model card as scraped to plain text: the header (title, version, publisher,
 * last update, summary), the prose sections, and the "Model Specifications" block. Sections that say
 * "The provider has not supplied this information." are reported as unstated, never as values.
 * @throws ParseError when the text is empty, binary, or has neither a title nor a specifications block.
 */
export function parseFoundryCard(text: string, origin: string): ParsedDocument {
  if (text.includes("\u0000")) throw new ParseError(origin, "binary content, not a model card");
  const lines: Line[] = text.replace(/^\uFEFF/, "").split(/\r?\n/).map((t, i) => ({ text: t.trim(), number: i + 1 }));
  const title = lines.find((l) => l.text !== "");
  if (!title) throw new ParseError(origin, "empty document");
  const specStart = lines.findIndex((l) => l.text === SPEC_HEADING);
  const versionLine = lines.slice(0, 10).find((l) => /^Version:\s*\S/.test(l.text));
  if (specStart < 0 && !versionLine) {
    throw new ParseError(origin, `not a Foundry model card: no "Version:" line and no "${SPEC_HEADING}" block`, title.number);
  }

  const result = emptyDocument("foundry", origin);
  const spec = readSpecBlock(specStart < 0 ? [] : lines.slice(specStart + 1), result);

  const publisherLine = lines.slice(0, 10).find((l) => /Last updated\s+\S+\s+\d{4}$/.test(l.text));
  const publisher = spec.Provider?.value ?? publisherLine?.text.replace(/\s*Last updated.*$/, "");
  const modelName = publisher && title.text.startsWith(`${publisher} `) ? title.text.slice(publisher.length + 1) : title.text;
  const ref = modelName.toLowerCase().replace(/\s+/g, "-");
  const authorId = publisher ? publisher.toLowerCase().replace(/[^a-z0-9]+/g, "-") : undefined;

  const model: ModelObservation = { ref, aliases: [], fields: {}, capabilities: {}, unstated: [] };
  const f = model.fields;
  f.name = { value: modelName, locator: at(title), raw: title.text };
  if (authorId && publisher) {
    const line = spec.Provider?.line ?? publisherLine!;
    model.authorId = { value: authorId, locator: at(line), raw: publisher };
    result.authors.push({ id: authorId, name: { value: publisher, locator: at(line) } });
  }
  if (versionLine) f.snapshot = { value: versionLine.text.replace(/^Version:\s*/, ""), locator: at(versionLine) };
  if (publisherLine) {
    const description = lines.slice(publisherLine.number).find((l) => l.text !== "");
    if (description) f.description = { value: description.text, locator: at(description) };
  }

  const lastUpdated = spec["Last Updated"] ?? (publisherLine && { value: publisherLine.text.replace(/^.*Last updated\s+/, ""), line: publisherLine });
  if (lastUpdated) f.lastUpdated = monthField(lastUpdated, result);
  if (spec["Training Data"]) f.knowledgeCutoff = monthField(spec["Training Data"], result);
  if (spec["Context Length"]) f.contextWindow = countField(spec["Context Length"], result);
  if (spec["Max Output Tokens"]) f.maxOutputTokens = countField(spec["Max Output Tokens"], result);
  if (spec.License) f.license = { value: spec.License.value, locator: at(spec.License.line) };
  if (spec["Quality Index"]) {
    const q = spec["Quality Index"];
    if (isDecimalText(q.value)) f.qualityIndex = { value: normalizeDecimal(q.value), locator: at(q.line), raw: q.value };
    else result.issues.push({ code: "INVALID_NUMBER", message: `Quality Index is not a number: "${q.value}"`, locator: at(q.line) });
  }
  if (spec["Input Type"]) f.inputModalities = modalities(spec["Input Type"]);
  if (spec["Output Type"]) f.outputModalities = modalities(spec["Output Type"]);
  if (f.inputModalities?.value.includes("image")) {
    model.capabilities.vision = { value: "SUPPORTED", locator: f.inputModalities.locator, raw: f.inputModalities.raw };
  }
  if (spec.Languages) {
    const count = /^(\d+)\s+Languages?$/i.exec(spec.Languages.value);
    if (count) f.languageCount = { value: Number(count[1]), locator: at(spec.Languages.line), raw: spec.Languages.value };
    else f.languages = { value: spec.Languages.value.split(/\s*,\s*/).filter(Boolean), locator: at(spec.Languages.line) };
  }

  model.unstated = unstatedSections(lines.slice(0, specStart < 0 ? lines.length : specStart));
  result.models.push(model);

  const offering: OfferingObservation = { providerId: FOUNDRY_PROVIDER_ID, providerModelId: ref, modelRef: ref, fields: {}, capabilities: {}, prices: [] };
  readLongContext(lines, offering);
  result.offerings.push(offering);
  result.providers.push({ id: FOUNDRY_PROVIDER_ID, name: { value: "Microsoft Foundry", locator: "" }, kind: { value: "CLOUD", locator: "" } });
  return result;
}

function readSpecBlock(lines: Line[], result: ParsedDocument): Partial<Record<SpecLabel, { value: string; line: Line }>> {
  const spec: Partial<Record<SpecLabel, { value: string; line: Line }>> = {};
  const byLength = [...SPEC_LABELS].sort((a, b) => b.length - a.length);
  for (const line of lines) {
    if (line.text === "") continue;
    const label = byLength.find((l) => line.text.startsWith(l));
    if (!label) {
      result.issues.push({ code: "UNKNOWN_VALUE", message: `unknown specification "${line.text}"`, locator: at(line) });
      continue;
    }
    const value = line.text.slice(label.length).trim();
    if (value === "" || value === NOT_SUPPLIED) continue;
    spec[label] = { value, line };
  }
  return spec;
}

function monthField(stated: { value: string; line: Line }, result: ParsedDocument): Stated<string> | undefined {
  const iso = monthYearToIso(stated.value);
  if (iso) return { value: iso, locator: at(stated.line), raw: stated.value, precision: "month" };
  result.issues.push({ code: "INVALID_DATE", message: `expected a month and year, got "${stated.value}"`, locator: at(stated.line) });
  return undefined;
}

function countField(stated: { value: string; line: Line }, result: ParsedDocument): Stated<number> | undefined {
  if (/^\d+$/.test(stated.value) && Number(stated.value) > 0) return { value: Number(stated.value), locator: at(stated.line) };
  result.issues.push({ code: "INVALID_NUMBER", message: `expected a whole number of tokens, got "${stated.value}"`, locator: at(stated.line) });
  return undefined;
}

function modalities(stated: { value: string; line: Line }): Stated<string[]> {
  const value = modalityList(stated.value.split(/\s*,\s*/));
  return { value, locator: at(stated.line), raw: stated.value };
}

/** A section is unstated when its only content is the "not supplied" sentence (after a "Source: X" prefix). */
function unstatedSections(lines: Line[]): { section: string; locator: string }[] {
  const unstated: { section: string; locator: string }[] = [];
  lines.forEach((line, i) => {
    if (!line.text.endsWith(NOT_SUPPLIED)) return;
    const heading = lines.slice(0, i).reverse().find((l) => l.text !== "");
    if (heading) unstated.push({ section: heading.text, locator: at(line) });
  });
  return unstated;
}

/**
 * The "Long context" section states the input limit and that contexts are billed apart by size, e.g.
 * "up to 1M input tokens ... separate billing for small context (128k) and large (up to 1M) context".
 * The card gives no prices, so only the limit and the tier boundary are facts.
 */
function readLongContext(lines: Line[], offering: OfferingObservation): void {
  const heading = lines.findIndex((l) => /^Long context$/i.test(l.text));
  if (heading < 0) return;
  const body = lines.slice(heading + 1).find((l) => l.text !== "");
  if (!body || body.text === NOT_SUPPLIED) return;
  const limit = /up to\s+(\d+(?:\.\d+)?\s*[kKmM])\s+input tokens/.exec(body.text);
  const limitTokens = limit ? abbreviatedCount(limit[1]) : undefined;
  if (limit && limitTokens) {
    offering.fields.maxInputTokens = { value: limitTokens, locator: at(body), raw: limit[1], precision: "rounded" };
  }
  if (/billing/i.test(body.text)) {
    const sizes = [...body.text.matchAll(/\((\d+(?:\.\d+)?\s*[kKmM])\)/g)];
    const thresholds = sizes.map((m) => abbreviatedCount(m[1])!).filter((n) => !limitTokens || n < limitTokens);
    if (thresholds.length > 0) {
      offering.fields.billingTierThresholds = {
        value: thresholds,
        locator: at(body),
        raw: sizes.map((m) => m[1]).join(", "),
        precision: "rounded",
      };
    }
  }
}
