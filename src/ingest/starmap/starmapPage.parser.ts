import { emptyDocument, ParseError, type ParsedDocument } from "../observation";
import { repairMacRomanMojibake } from "./macRomanMojibake";
import { readMarkdownPage } from "./markdownPage";
import { readAuthorModelPage, readProviderModelPage } from "./starmapModelPages";
import { readAuthorReadme, readProviderReadme } from "./starmapOwnerPages";
import { detectPageKind } from "./starmapPageKind";

export type { StarmapPageKind } from "./starmapPageKind";

/** Above this share of control or replacement characters a document is binary, not markdown. */
const MAX_NON_TEXT_SHARE = 0.05;

/**
 * Parses one page of Starmap's generated catalog (agentstation/starmap docs/catalog). The page kind is
 * told from the content, the path (`origin`, relative to the catalog root) only when the content has no
 * template marker:
 * - an author's model page → the model, and an offering per Provider Availability row (with its link);
 * - a provider's model page → the model facts it states and that provider's offering with its prices;
 * - a provider README → the provider; an author README → the author;
 * - an index or any other page → an empty document.
 * Text mis-decoded once as Mac Roman ("‚úì" for "✓") is repaired first. Every value carries its line
 * ("L23"); a bad value is an issue, never an exception.
 * @throws ParseError when the text is empty, binary, or a model page without a Model ID.
 */
export function parseStarmapPage(text: string, origin: string): ParsedDocument {
  if (text.trim() === "") throw new ParseError(origin, "empty document");
  if (text.includes("\u0000")) throw new ParseError(origin, "binary content (NUL bytes), not a markdown page");
  if (nonTextShare(text) > MAX_NON_TEXT_SHARE) throw new ParseError(origin, "binary content, not a markdown page");

  const page = readMarkdownPage(repairMacRomanMojibake(text.replace(/^\uFEFF/, "")));
  const doc = emptyDocument("starmap", origin);
  const { kind, line } = detectPageKind(page, origin);
  if (kind === "author-model") readAuthorModelPage(page, origin, doc, line);
  else if (kind === "provider-model") readProviderModelPage(page, origin, doc, line);
  else if (kind === "provider") readProviderReadme(page, origin, doc);
  else if (kind === "author") readAuthorReadme(page, origin, doc);
  return doc;
}

/** The share of characters that no text file has: C0 controls other than whitespace, and U+FFFD. */
function nonTextShare(text: string): number {
  const sample = text.slice(0, 16_384);
  const odd = sample.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  return odd / sample.length;
}
