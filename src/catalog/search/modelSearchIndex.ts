// An in-memory search over model ids, names, aliases and descriptions. Pure and deterministic: built once
// from a snapshot of documents, never changed afterwards (a new snapshot builds a new index).
//
// Why an n-gram index: a query must not look at every document. Every id, name and alias is compacted
// (searchText.ts) and each document gets a posting list entry for every distinct trigram of those compact
// forms. A query word of 3+ characters can only occur in a field holding all its trigrams, so intersecting
// the posting lists of all trigrams of all such words gives a small superset of the matches, which are then
// verified and scored one by one. Trigrams, not longer grams, because "70b", "gpt" and "pro" are the
// shortest words people type that still say something; over [a-z0-9] there are only 36³ of them, so the
// lists live in one array indexed by the trigram's number. Shorter words ("4o", "31") do not narrow the
// candidates; they are verified on the candidates of the other words. Descriptions are matched by word
// prefix, so they get a second list keyed by the first three characters of each description word. Only
// when every word is shorter than three characters (as a name word, or as a description word) does a query
// verify every document.
import { ValidationError } from "../errors";
import { compactName, compactText, queryWords, spacedWords, textWords, type CompactName } from "./searchText";

export interface SearchDocument {
  /** e.g. "meta-llama-3.1-70b-instruct" */
  id: string;
  /** e.g. "Meta Llama 3.1 70B Instruct" */
  name: string;
  /** e.g. ["meta/llama-3.1-70b-instruct", "meta.llama3-1-70b-instruct-v1:0"] */
  aliases: readonly string[];
  description: string | null;
}

export interface SearchHit {
  id: string;
  /** Higher is better; only comparable between hits of the same query. */
  score: number;
}

export interface OrdinalHit extends SearchHit {
  ordinal: number;
}

type MatchTier = "exact" | "prefix" | "wordsInOrder" | "wordsAnyOrder" | "description";

// The tiers, best first. A hit's tier always outranks its tightness: score = tier base + (TIGHTNESS_RANGE -
// extra characters in the matched field beyond the query), the extra capped at TIGHTNESS_RANGE. The field is
// the best-scoring compact id, name or alias; for a description, its words with one space before each.
const TIERS: readonly { tier: MatchTier; why: string }[] = [
  { tier: "exact", why: "the query is the model's id, name or an alias written some other way: it names this model" },
  { tier: "prefix", why: "the field starts with the query: a dated snapshot or a variant of what was named (gpt-4.1-mini-2025-04-14)" },
  { tier: "wordsInOrder", why: "every word, in the order typed, inside one field (llama 3.1 70b in meta-llama-3.1-70b-instruct)" },
  { tier: "wordsAnyOrder", why: "every word inside one field but in another order: still this model, less likely the one meant" },
  { tier: "description", why: "only the description mentions the words, which it often does for the models it is compared to" },
];
const TIER_WIDTH = 1000;
const TIGHTNESS_RANGE = TIER_WIDTH - 1;
const TIER_BASE = Object.fromEntries(TIERS.map(({ tier }, i) => [tier, (TIERS.length - i) * TIER_WIDTH])) as Record<MatchTier, number>;

function tierScore(tier: MatchTier, extraCharacters: number): number {
  return TIER_BASE[tier] + TIGHTNESS_RANGE - Math.min(Math.max(extraCharacters, 0), TIGHTNESS_RANGE);
}

interface ParsedQuery {
  /** Compact words, for ids, names and aliases. */
  words: string[];
  /** The words joined: what an exact or prefix match compares. */
  whole: string;
  /** Each word split on anything but [a-z0-9], after a space: what a description must include. */
  descriptionNeedles: string[];
  descriptionNeedlesLength: number;
}

// What the index keeps per document, in columns of strings and numbers rather than an object per name: at
// 200,000 documents the garbage collector's work on millions of small objects was most of the build time.
// The compact names are only a quick reject; a candidate that passes is scored from its texts again.
interface DocumentColumns {
  ids: readonly string[];
  /** Per document: the compact forms of its id, name and aliases, joined by spaces. */
  compactNames: readonly string[];
  /** The id, name and aliases of every document, one document after another. */
  nameTexts: readonly string[];
  /** Document i's texts are nameTexts[nameStart[i]] up to nameTexts[nameStart[i + 1]]. */
  nameStart: Int32Array;
  /** Per document: its description as spacedWords ("" for none). */
  descriptions: readonly string[];
}

export class ModelSearchIndex {
  readonly size: number;

  private constructor(
    private readonly documents: DocumentColumns,
    private readonly ordinalById: ReadonlyMap<string, number>,
    private readonly nameGrams: GramPostings,
    private readonly descriptionGrams: GramPostings,
  ) {
    this.size = documents.ids.length;
  }

  /**
   * Indexes `documents` (ids must be unique). Takes time and memory linear in the total length of the ids,
   * names, aliases and descriptions. Throws a ValidationError naming a repeated id.
   */
  static build(documents: readonly SearchDocument[]): ModelSearchIndex {
    const ids: string[] = [];
    const ordinalById = new Map<string, number>();
    const compactNames: string[] = [];
    const nameTexts: string[] = [];
    const nameStart = new Int32Array(documents.length + 1);
    const descriptions: string[] = [];
    for (const document of documents) {
      const ordinal = ids.length;
      if (ordinalById.has(document.id)) throw new ValidationError(`Two search documents have the id "${document.id}"`, "documents");
      ids.push(document.id);
      ordinalById.set(document.id, ordinal);
      const compacts: string[] = [];
      for (const text of [document.id, document.name, ...document.aliases]) {
        nameTexts.push(text);
        const compact = compactText(text);
        // A compact form inside one already kept adds no gram and rejects nothing more ("gpt41" in "openaigpt41").
        if (compact !== "" && !compacts.some((kept) => kept.includes(compact))) compacts.push(compact);
      }
      compactNames.push(compacts.join(" "));
      nameStart[ordinal + 1] = nameTexts.length;
      descriptions.push(document.description === null ? "" : spacedWords(document.description));
    }
    const columns = { ids, compactNames, nameTexts, nameStart, descriptions };
    return new ModelSearchIndex(columns, ordinalById, GramPostings.build(compactNames, "everyGram"), GramPostings.build(descriptions, "wordStarts"));
  }

  /** Every matching document, best match first (ties: shorter id first, then id ascending). Empty or whitespace query: []. */
  search(query: string): SearchHit[] {
    return this.searchOrdinals(query).map(({ id, score }) => ({ id, score }));
  }

  /** As `search`, each hit with its document's ordinal: its position in the documents the index was built from. */
  searchOrdinals(query: string): OrdinalHit[] {
    const parsed = parseQuery(query);
    if (!parsed) return [];
    const hits: OrdinalHit[] = [];
    this.forEachCandidate(parsed, (ordinal) => {
      const score = this.scoreOrdinal(ordinal, parsed);
      if (score !== undefined) hits.push({ id: this.documents.ids[ordinal], score, ordinal });
    });
    return hits.sort((a, b) => b.score - a.score || a.id.length - b.id.length || compareCodeUnits(a.id, b.id));
  }

  /** The score of one document for a query, undefined if it does not match (same rules as search) or no document has that id. */
  score(id: string, query: string): number | undefined {
    const ordinal = this.ordinalById.get(id);
    const parsed = parseQuery(query);
    return ordinal === undefined || !parsed ? undefined : this.scoreOrdinal(ordinal, parsed);
  }

  /** Calls `visit` once per ordinal, ascending, that may match: the name candidates and the description candidates. */
  private forEachCandidate(query: ParsedQuery, visit: (ordinal: number) => void): void {
    const byName = this.nameGrams.intersect(query.words.flatMap(allGrams));
    const descriptionWords = query.descriptionNeedles.filter((needle) => needle.length > GRAM);
    const byDescription = this.descriptionGrams.intersect(descriptionWords.map((needle) => gramAt(needle, 1)));
    if (byName === ALL || byDescription === ALL) {
      for (let ordinal = 0; ordinal < this.size; ordinal++) visit(ordinal);
      return;
    }
    let i = 0;
    let j = 0;
    while (i < byName.length || j < byDescription.length) {
      const next = j >= byDescription.length || (i < byName.length && byName[i] <= byDescription[j]) ? byName[i] : byDescription[j];
      visit(next);
      if (i < byName.length && byName[i] === next) i++;
      if (j < byDescription.length && byDescription[j] === next) j++;
    }
  }

  /** A name's compact form with its number positions, made on the first query that needs it and kept. */
  private readonly compactNameCache: (CompactName | undefined)[] = [];
  private compactNameAt(index: number, text: string): CompactName {
    let name = this.compactNameCache[index];
    if (!name) this.compactNameCache[index] = name = compactName(text);
    return name;
  }

  private scoreOrdinal(ordinal: number, query: ParsedQuery): number | undefined {
    const { compactNames, nameTexts, nameStart, descriptions } = this.documents;
    const names = compactNames[ordinal];
    if (query.words.every((word) => names.includes(word))) {
      let best: number | undefined;
      for (let t = nameStart[ordinal]; t < nameStart[ordinal + 1]; t++) {
        const score = scoreName(this.compactNameAt(t, nameTexts[t]), query);
        if (score !== undefined && (best === undefined || score > best)) best = score;
      }
      if (best !== undefined) return best;
    }
    return scoreDescription(descriptions[ordinal], query);
  }
}

function parseQuery(query: string): ParsedQuery | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  const descriptionNeedles = textWords(query).map((word) => " " + word);
  const descriptionNeedlesLength = descriptionNeedles.reduce((sum, needle) => sum + needle.length, 0);
  return { words, whole: words.join(""), descriptionNeedles, descriptionNeedlesLength };
}

function scoreName(name: CompactName, query: ParsedQuery): number | undefined {
  if (name.compact === query.whole) return tierScore("exact", 0);
  const extra = name.compact.length - query.whole.length;
  if (name.compact.startsWith(query.whole) && wordsFitAtStart(name, query.words)) return tierScore("prefix", extra);
  if (wordsInOrder(name, query.words)) return tierScore("wordsInOrder", extra);
  if (query.words.every((word) => findWord(name, word, 0) !== -1)) return tierScore("wordsAnyOrder", extra);
  return undefined;
}

/** Every query word must start a description word (" bal" in " anthropic s balanced model"). */
function scoreDescription(description: string, query: ParsedQuery): number | undefined {
  if (description === "" || !query.descriptionNeedles.every((needle) => description.includes(needle))) return undefined;
  return tierScore("description", description.length - query.descriptionNeedlesLength);
}

/** Whether the words, placed one after another from the start of the name, each start where a number may. */
function wordsFitAtStart(name: CompactName, words: readonly string[]): boolean {
  let position = 0;
  for (const word of words) {
    if (!mayStartAt(name, word, position)) return false;
    position += word.length;
  }
  return true;
}

/** Leftmost occurrences, each after the previous one: the earliest end leaves the most room for the next word. */
function wordsInOrder(name: CompactName, words: readonly string[]): boolean {
  let from = 0;
  for (const word of words) {
    const at = findWord(name, word, from);
    if (at === -1) return false;
    from = at + word.length;
  }
  return true;
}

/** The first position at or after `from` where `word` occurs in the name and may start, or -1. */
function findWord(name: CompactName, word: string, from: number): number {
  let at = name.compact.indexOf(word, from);
  while (at !== -1 && !mayStartAt(name, word, at)) at = name.compact.indexOf(word, at + 1);
  return at;
}

/**
 * A word starting with a digit may not start inside a number of the name ("41" inside "2024-11"), and a
 * word ending with one may not stop inside one ("gpt-4.1" is not "gpt-4-1106-preview").
 */
function mayStartAt(name: CompactName, word: string, position: number): boolean {
  if (isDigit(word.charCodeAt(0)) && name.digitContinuations.includes(position)) return false;
  return !isDigit(word.charCodeAt(word.length - 1)) || !name.digitContinuations.includes(position + word.length);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// ---- trigram posting lists -------------------------------------------------------------------------------

const GRAM = 3;
const ALPHABET = 36; // [0-9a-z], all a compact form holds
const GRAM_COUNT = ALPHABET ** GRAM;
/** What an intersection with no grams to narrow by stands for: every document. */
const ALL = Symbol("all documents");

function symbolNumber(code: number): number {
  return code <= 57 ? code - 48 : code - 97 + 10;
}

function gramAt(text: string, i: number): number {
  return (symbolNumber(text.charCodeAt(i)) * ALPHABET + symbolNumber(text.charCodeAt(i + 1))) * ALPHABET + symbolNumber(text.charCodeAt(i + 2));
}

const SPACE = 32;

function allGrams(word: string): number[] {
  const grams: number[] = [];
  for (let i = 0; i + GRAM <= word.length; i++) grams.push(gramAt(word, i));
  return grams;
}

const EMPTY = new Int32Array(0);

/** Which grams of a text are posted: all of them (names), or only each word's first (description prefixes). */
type GramsPosted = "everyGram" | "wordStarts";

class GramPostings {
  private constructor(private readonly lists: readonly Int32Array[]) {}

  /**
   * Posting lists for texts of [a-z0-9] words separated by single spaces, one text per document ordinal.
   * Two passes, one counting and one filling, so every list is allocated once at its final length: growing
   * 46,656 typed arrays by doubling made the garbage collector most of the build time.
   */
  static build(texts: readonly string[], posted: GramsPosted): GramPostings {
    const lengths = new Int32Array(GRAM_COUNT);
    const lastOrdinal = new Int32Array(GRAM_COUNT).fill(-1);
    forEachGram(texts, posted, (gram, ordinal) => {
      if (lastOrdinal[gram] === ordinal) return;
      lastOrdinal[gram] = ordinal;
      lengths[gram]++;
    });
    const lists = Array.from(lengths, (length) => (length === 0 ? EMPTY : new Int32Array(length)));
    const filled = new Int32Array(GRAM_COUNT);
    lastOrdinal.fill(-1);
    forEachGram(texts, posted, (gram, ordinal) => {
      if (lastOrdinal[gram] === ordinal) return;
      lastOrdinal[gram] = ordinal;
      lists[gram][filled[gram]++] = ordinal;
    });
    return new GramPostings(lists);
  }

  /** Ascending ordinals of the documents holding every gram; ALL when there are no grams. */
  intersect(grams: readonly number[]): Int32Array | typeof ALL {
    if (grams.length === 0) return ALL;
    const lists = [...new Set(grams)].map((gram) => this.lists[gram]).sort((a, b) => a.length - b.length);
    let result = lists[0];
    for (let i = 1; i < lists.length && result.length > 0; i++) result = intersectSorted(result, lists[i]);
    return result;
  }
}

function forEachGram(texts: readonly string[], posted: GramsPosted, visit: (gram: number, ordinal: number) => void): void {
  const wordStartsOnly = posted === "wordStarts";
  for (let ordinal = 0; ordinal < texts.length; ordinal++) {
    const text = texts[ordinal];
    for (let i = 0; i + GRAM <= text.length; i++) {
      const starts = wordStartsOnly ? i > 0 && text.charCodeAt(i - 1) === SPACE : text.charCodeAt(i) !== SPACE;
      if (starts && text.charCodeAt(i + 1) !== SPACE && text.charCodeAt(i + 2) !== SPACE) visit(gramAt(text, i), ordinal);
    }
  }
}

/**
 * Walks the shorter list and gallops through the longer one from where the last search stopped: steps of
 * 1, 2, 4, ... until past the value, then a binary search inside the last step. A search costs the log of
 * the distance to the next match, not of the rest of the list (at 100 times the catalog the binary
 * searches over the whole rest were a sixth of a search's time).
 */
function intersectSorted(shorter: Int32Array, longer: Int32Array): Int32Array {
  const out = new Int32Array(shorter.length);
  let count = 0;
  let low = 0;
  for (let i = 0; i < shorter.length && low < longer.length; i++) {
    const value = shorter[i];
    let step = 1;
    let high = low;
    while (high < longer.length && longer[high] < value) {
      low = high + 1;
      high += step;
      step *= 2;
    }
    high = Math.min(high, longer.length);
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (longer[mid] < value) low = mid + 1;
      else high = mid;
    }
    if (low < longer.length && longer[low] === value) out[count++] = value;
  }
  return out.subarray(0, count);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
