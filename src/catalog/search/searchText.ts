// The text the model search compares: names reduced to a "compact" form (lower case, accents folded, only
// [a-z0-9] kept) so that "GPT-4.1 Mini", "gpt-4.1-mini" and "gpt4.1mini" are all "gpt41mini", and
// descriptions cut into lower-case words. Pure; no index here.

// Letters NFKD leaves whole because they are not a base letter plus an accent.
const UNDECOMPOSED_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ł: "l", þ: "th", ı: "i" };
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Lower case with accents folded ("Mistral Médium" → "mistral medium", "ß" → "ss"); everything else kept. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  return lower
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæœøđłþı]/g, (c) => UNDECOMPOSED_LETTERS[c]);
}

/** Folded text with everything but [a-z0-9] removed: the form names and query words are compared in. */
export function compactText(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, "");
}

/**
 * A name's compact form, plus where its numbers were: `digitContinuations` lists the positions in `compact`
 * whose digit directly followed another digit in the name. Compacting erases the dots and dashes between
 * numbers ("2024-11" and "4.1" both hold "41" once compacted), so a query word that starts with a digit
 * may only match where a number starts; otherwise "gpt 4.1" would find "gpt-4o-2024-11-20".
 */
export interface CompactName {
  compact: string;
  digitContinuations: readonly number[];
}

const NONE: readonly number[] = [];

export function compactName(text: string): CompactName {
  const folded = foldText(text);
  const compact = folded.replace(/[^a-z0-9]+/g, "");
  return { compact, digitContinuations: /\d\d/.test(folded) ? digitContinuations(folded) : NONE };
}

function digitContinuations(folded: string): number[] {
  const positions: number[] = [];
  let kept = 0;
  let previousWasDigit = false;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    const isDigit = code >= 48 && code <= 57;
    if (isDigit && previousWasDigit) positions.push(kept);
    if (isDigit || (code >= 97 && code <= 122)) kept++;
    previousWasDigit = isDigit;
  }
  return positions;
}

/** The compact words of a query: split on white space only, so "4.1" stays one word ("41"), not "4" and "1". */
export function queryWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map(compactText)
    .filter((word) => word !== "");
}

/** Folded words of a description (or of a query, to match against one): split on anything but [a-z0-9]. */
export function textWords(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/**
 * Folded words of a description as one string, each word after a space (" anthropic s balanced model"), so
 * that `includes(" " + w)` says whether some word starts with w. A string rather than an array because an
 * index keeps one per document, and fewer small objects build faster.
 */
export function spacedWords(text: string): string {
  const words = foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
  return words === "" ? "" : " " + words;
}
