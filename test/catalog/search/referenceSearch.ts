// The search's ranking rules written the plain way, as the property tests' reference: every document is
// scored from its texts, every placement of the words is tried, and the matches are sorted with a
// comparator. No index, no candidate lists, no quick rejects, nothing kept between queries but the texts'
// compact forms. Only the text functions (searchText.ts) are shared with the index.
import type { SearchDocument, SearchHit } from "../../../src/catalog/search/modelSearchIndex";
import { compactName, queryWords, spacedWords, textWords, type CompactName } from "../../../src/catalog/search/searchText";

const TIER_BASE = { exact: 5000, prefix: 4000, wordsInOrder: 3000, wordsAnyOrder: 2000, description: 1000 };

function tierScore(base: number, extra: number): number {
  return base + 999 - Math.min(Math.max(extra, 0), 999);
}

const isDigit = (c: string) => c >= "0" && c <= "9";

/** Where a word may sit in a name: a number of the word starts and ends where one of the name does. */
function fits(name: CompactName, word: string, at: number): boolean {
  if (!name.compact.startsWith(word, at)) return false;
  if (isDigit(word[0]) && name.digitContinuations.includes(at)) return false;
  return !(isDigit(word[word.length - 1]) && name.digitContinuations.includes(at + word.length));
}

/** Every place a word fits. */
function places(name: CompactName, word: string): number[] {
  const found: number[] = [];
  for (let at = name.compact.indexOf(word); at !== -1; at = name.compact.indexOf(word, at + 1)) if (fits(name, word, at)) found.push(at);
  return found;
}

/** Whether the words fit one after another, without overlapping, in the order given (every placement tried). */
function inOrder(name: CompactName, words: readonly string[], from = 0): boolean {
  if (words.length === 0) return true;
  return places(name, words[0]).some((at) => at >= from && inOrder(name, words.slice(1), at + words[0].length));
}

function nameScore(name: CompactName, words: readonly string[]): number | undefined {
  // Every tier needs every word inside the name (an exact match too: the name is the words joined).
  if (!words.every((word) => name.compact.includes(word))) return undefined;
  const whole = words.join("");
  const extra = name.compact.length - whole.length;
  if (name.compact === whole) return tierScore(TIER_BASE.exact, 0);
  let at = 0;
  const fitsAtStart = name.compact.startsWith(whole) && words.every((word) => {
    const fitsHere = fits(name, word, at);
    at += word.length;
    return fitsHere;
  });
  if (fitsAtStart) return tierScore(TIER_BASE.prefix, extra);
  if (inOrder(name, words)) return tierScore(TIER_BASE.wordsInOrder, extra);
  if (words.every((word) => places(name, word).length > 0)) return tierScore(TIER_BASE.wordsAnyOrder, extra);
  return undefined;
}

export class ReferenceSearch {
  private readonly names: CompactName[][];
  private readonly descriptions: string[];

  constructor(private readonly documents: readonly SearchDocument[]) {
    this.names = documents.map((d) => [d.id, d.name, ...d.aliases].map(compactName));
    this.descriptions = documents.map((d) => (d.description === null ? "" : spacedWords(d.description)));
  }

  score(i: number, words: readonly string[], needles: readonly string[]): number | undefined {
    const scores = this.names[i].flatMap((name) => nameScore(name, words) ?? []);
    if (scores.length > 0) return Math.max(...scores);
    const description = this.descriptions[i];
    if (description === "" || !needles.every((needle) => description.includes(needle))) return undefined;
    return tierScore(TIER_BASE.description, description.length - needles.join("").length);
  }

  /** Every document scored, the matches sorted: best first, then the shorter id, then the id by code units. */
  search(query: string): SearchHit[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const needles = textWords(query).map((word) => " " + word);
    const hits: SearchHit[] = [];
    this.documents.forEach((document, i) => {
      const score = this.score(i, words, needles);
      if (score !== undefined) hits.push({ id: document.id, score });
    });
    return hits.sort((a, b) => b.score - a.score || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
