// An in-memory search over model ids, names, aliases and descriptions. Pure and deterministic: built once
// from a snapshot of documents, never changed afterwards (a new snapshot builds a new index).
//
// Why an n-gram index: a query must not look at every document. Every id, name and alias is compacted
// (searchText.ts) and each document gets a posting list entry for every distinct trigram of those compact
// forms. A query word of 3+ characters can only occur in a field holding all its trigrams, so intersecting
// the posting lists of all trigrams of all such words gives a small superset of the matches, which are then
// verified and scored one by one. Trigrams, not longer grams, because "70b", "gpt" and "pro" are the
// shortest words people type that still say something; over [a-z0-9] there are only 36³ of them, so the
// lists live in one array indexed by the trigram's number (gramPostings.ts). A two-character word starting
// with a digit ("31" of "3.1", "4o") narrows by a list of the pairs a digit starts; other shorter words
// ("o3", "4") are verified on the candidates of the other words. Descriptions are matched by word prefix,
// so they get a second list keyed by the first three characters of each description word. Only when no
// word narrows (as a name word, or as a description word) does a query verify every document.
import { ValidationError } from "../errors";
import { ALL, allGrams, GRAM, gramAt, GramPostings, intersectLists, pairAt, startsWithDigit } from "./gramPostings";
import { SearchMatches, UNSCORED } from "./searchMatches";
import { compactName, queryWords, spacedWords, textWords, type CompactName } from "./searchText";

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
  /** The words, shortest first: the ones the trigrams could not check, so the likeliest to reject a candidate. */
  wordsShortestFirst: string[];
  /**
   * The words a candidate from the name lists may still lack, shortest first: a word of three characters
   * is a trigram and a two-character one starting with a digit a pair, so their lists decided them.
   */
  wordsUnchecked: string[];
  /** The needles, shortest first, for the same reason. */
  needlesShortestFirst: string[];
  /**
   * The needles a candidate from the description lists may still lack: a word of two or three
   * characters is a word start's pair or trigram, and one of one character a bit (descriptionStarts).
   */
  needlesUnchecked: string[];
  /** The first characters of the needles, as bits of DocumentColumns.descriptionStarts. */
  needleStarts: WordStarts;
}

// What the index keeps per document, in columns of strings and numbers rather than an object per name: at
// 200,000 documents the garbage collector's work on millions of small objects was most of the build time.
// The compact names are only a quick reject; a candidate that passes is scored from its texts again.
//
// Columns and posting lists are indexed by a document's place in the tie order (shorter id first, then id
// by code units), not by its ordinal in the documents given: candidates are then visited in the order
// equal scores rank in, and a counting sort by score alone gives the answer's order. Sorting the matches
// by score and id with a comparator cost as much as finding them at 100 times the catalog.
interface DocumentColumns {
  /** Per place: the document's ordinal in the documents the index was built from. */
  ordinals: Int32Array;
  /** Per ordinal: its place. */
  placeOfOrdinal: Int32Array;
  ids: readonly string[];
  /** Per place: the compact forms of its id, name and aliases, joined by spaces. */
  compactNames: readonly string[];
  /** The id, name and aliases of every document, one place after another, less those scoring as one before them. */
  nameTexts: readonly string[];
  /** The texts of place i are nameTexts[nameStart[i]] up to nameTexts[nameStart[i + 1]]. */
  nameStart: Int32Array;
  /** Per place: its description as spacedWords ("" for none). */
  descriptions: readonly string[];
  /**
   * Per place, at 2 * place and 2 * place + 1: which characters start a word of its description, as bits
   * (wordStarts). A one-character word ("3.1" is " 3" and " 1") is checked by one AND; the trigram lists
   * cannot narrow by it, and searching the description text for it was most of the description checks at
   * 100 times the catalog.
   */
  descriptionStarts: Uint32Array;
}

export class ModelSearchIndex {
  readonly size: number;
  /** A name's compact form with its number positions, made on the first query that needs it and kept. */
  private readonly compactNameCache: (CompactName | undefined)[];

  private constructor(
    private readonly documents: DocumentColumns,
    private readonly placeById: ReadonlyMap<string, number>,
    private readonly nameGrams: GramPostings,
    private readonly nameDigitPairs: GramPostings,
    private readonly descriptionGrams: GramPostings,
    private readonly descriptionPairs: GramPostings,
  ) {
    this.size = documents.ids.length;
    // Filled to its final length up front: an array written at scattered indexes past its end turns into a
    // dictionary, and its lookups were a twelfth of a search at 100 times the catalog.
    this.compactNameCache = [];
    for (let t = 0; t < documents.nameTexts.length; t++) this.compactNameCache.push(undefined);
  }

  /**
   * Indexes `documents` (ids must be unique). Takes time and memory linear in the total length of the ids,
   * names, aliases and descriptions (plus a sort of the ids unless they come ordered by id). Throws a
   * ValidationError naming a repeated id.
   */
  static build(documents: readonly SearchDocument[]): ModelSearchIndex {
    const placeById = new Map<string, number>();
    for (const document of documents) {
      if (placeById.has(document.id)) throw new ValidationError(`Two search documents have the id "${document.id}"`, "documents");
      placeById.set(document.id, -1);
    }
    const ordinals = tieOrder(documents.map((document) => document.id));
    const placeOfOrdinal = new Int32Array(ordinals.length);
    for (let place = 0; place < ordinals.length; place++) placeOfOrdinal[ordinals[place]] = place;
    const ids: string[] = [];
    const compactNames: string[] = [];
    const nameTexts: string[] = [];
    const nameStart = new Int32Array(documents.length + 1);
    const descriptions: string[] = [];
    const descriptionStarts = new Uint32Array(2 * documents.length);
    for (let place = 0; place < ordinals.length; place++) {
      const document = documents[ordinals[place]];
      ids.push(document.id);
      placeById.set(document.id, place);
      const compacts: string[] = [];
      const scored: { text: string; name: CompactName }[] = [];
      for (const text of [document.id, document.name, ...document.aliases]) {
        const name = compactName(text);
        const compact = name.compact;
        // A text scoring as one already kept is not scored again: same compact form, same number positions
        // ("llama-3.1-70b" and "Llama 3.1 70B"; an alias "meta/llama-3.1-70b-instruct" and its id).
        if (!scored.some((kept) => kept.name.compact === compact && sameNumbers(kept.name, name))) scored.push({ text, name });
        // A compact form inside one already kept adds no gram and rejects nothing more ("gpt41" in "openaigpt41").
        if (compact !== "" && !compacts.some((kept) => kept.includes(compact))) compacts.push(compact);
      }
      for (const { text } of scored) nameTexts.push(text);
      compactNames.push(compacts.join(" "));
      nameStart[place + 1] = nameTexts.length;
      const description = document.description === null ? "" : spacedWords(document.description);
      descriptions.push(description);
      const starts = wordStarts(description);
      descriptionStarts[2 * place] = starts[0];
      descriptionStarts[2 * place + 1] = starts[1];
    }
    const columns = { ordinals, placeOfOrdinal, ids, compactNames, nameTexts, nameStart, descriptions, descriptionStarts };
    return new ModelSearchIndex(
      columns,
      placeById,
      GramPostings.build(compactNames, "everyGram"),
      GramPostings.build(compactNames, "digitPairs"),
      GramPostings.build(descriptions, "wordStarts"),
      GramPostings.build(descriptions, "wordStartPairs"),
    );
  }

  /** Every matching document, best match first (ties: shorter id first, then id ascending). Empty or whitespace query: []. */
  search(query: string): SearchHit[] {
    const { ordinals, scores } = this.matches(query).ranked();
    const { ids, placeOfOrdinal } = this.documents;
    return Array.from(ordinals, (ordinal, k) => ({ id: ids[placeOfOrdinal[ordinal]], score: scores[k] }));
  }

  /**
   * The matching documents, to be counted, ranked or looked up by ordinal (searchMatches.ts). Empty or
   * whitespace query: none. `scored: false` is for a caller that needs which documents match, not how well
   * (a count, a price order): a name then stops at its first text that matches, and the scores are worked
   * out only if the matches are ranked or asked for one after all.
   */
  matches(query: string, { scored = true }: { scored?: boolean } = {}): SearchMatches {
    const parsed = parseQuery(query);
    const { places, scores } = parsed ? this.find(parsed, scored) : { places: NO_PLACES, scores: NO_PLACES };
    const scoreOfPlace = parsed && !scored ? (place: number) => this.nameScore(place, parsed, parsed.wordsUnchecked) : undefined;
    return new SearchMatches(places, scores, this.documents.ordinals, this.documents.placeOfOrdinal, rankByScore, scoreOfPlace);
  }

  /** The score of one document for a query, undefined if it does not match (same rules as search) or no document has that id. */
  score(id: string, query: string): number | undefined {
    const place = this.placeById.get(id);
    const parsed = parseQuery(query);
    if (place === undefined || !parsed) return undefined;
    let score = this.nameScore(place, parsed, parsed.wordsShortestFirst);
    if (score === NO_MATCH) score = this.descriptionScore(place, parsed, parsed.needlesShortestFirst);
    return score === NO_MATCH ? undefined : score;
  }

  /** The matching places, ascending, with their scores (unscored: UNSCORED for a match by name). */
  private find(query: ParsedQuery, scored: boolean): { places: Int32Array; scores: Int32Array } {
    const size = this.size;
    const numberPairs = query.words.filter((word) => word.length === 2 && startsWithDigit(word)).map((word) => pairAt(word, 0));
    const byName = intersectLists(this.nameGrams.intersect(query.words.flatMap(allGrams)), this.nameDigitPairs.intersect(numberPairs));
    const descriptionWords = query.descriptionNeedles.filter((needle) => needle.length > GRAM);
    const descriptionPairs = query.descriptionNeedles.filter((needle) => needle.length === GRAM).map((needle) => pairAt(needle, 1));
    const byDescription = intersectLists(this.descriptionGrams.intersect(descriptionWords.map((needle) => gramAt(needle, 1))), this.descriptionPairs.intersect(descriptionPairs));
    // Each candidate is checked only where its lists say it can match: a document outside the name list
    // lacks a gram of some word, one outside the description list a word start.
    const everyName = byName === ALL;
    const everyDescription = byDescription === ALL;
    const names = everyName ? NO_PLACES : byName;
    const described = everyDescription ? NO_PLACES : byDescription;
    let places: Int32Array = new Int32Array(everyName || everyDescription ? 64 : names.length + described.length);
    let scores: Int32Array = new Int32Array(places.length);
    let count = 0;
    let i = 0;
    let j = 0;
    let place = -1;
    for (;;) {
      if (everyName || everyDescription) place++;
      else place = Math.min(i < names.length ? names[i] : size, j < described.length ? described[j] : size);
      if (place >= size) break;
      while (i < names.length && names[i] < place) i++;
      while (j < described.length && described[j] < place) j++;
      let inName = everyName;
      if (i < names.length && names[i] === place) {
        inName = true;
        i++;
      }
      let inDescription = everyDescription;
      if (j < described.length && described[j] === place) {
        inDescription = true;
        j++;
      }
      let score = !inName ? NO_MATCH : scored ? this.nameScore(place, query, query.wordsUnchecked) : this.nameMatches(place, query, query.wordsUnchecked) ? UNSCORED : NO_MATCH;
      if (score === NO_MATCH && inDescription) score = this.descriptionScore(place, query, query.needlesUnchecked);
      if (score === NO_MATCH) continue;
      if (count === places.length) {
        places = grown(places);
        scores = grown(scores);
      }
      places[count] = place;
      scores[count++] = score;
    }
    return { places: places.subarray(0, count), scores: scores.subarray(0, count) };
  }

  /** The best score of the document's id, name and aliases, NO_MATCH if none holds every word (`unchecked`: those its lists did not decide). */
  private nameScore(place: number, query: ParsedQuery, unchecked: readonly string[]): number {
    return this.scoreNames(place, query, unchecked, false);
  }

  /** Whether nameScore would find a match: the same test, stopping at the first of the document's texts that matches. */
  private nameMatches(place: number, query: ParsedQuery, unchecked: readonly string[]): boolean {
    return this.scoreNames(place, query, unchecked, true) !== NO_MATCH;
  }

  /** The best score of the document's texts, or with `firstMatch` the score of the first that matches. */
  private scoreNames(place: number, query: ParsedQuery, unchecked: readonly string[], firstMatch: boolean): number {
    const { compactNames, nameTexts, nameStart } = this.documents;
    const names = compactNames[place];
    for (let w = 0; w < unchecked.length; w++) if (!names.includes(unchecked[w])) return NO_MATCH;
    let best = NO_MATCH;
    for (let t = nameStart[place]; t < nameStart[place + 1]; t++) {
      let name = this.compactNameCache[t];
      if (name === undefined) this.compactNameCache[t] = name = compactName(nameTexts[t]);
      const score = scoreName(name, query);
      if (score > best) {
        best = score;
        if (firstMatch) break;
      }
    }
    return best;
  }

  /** Every query word must start a description word (" bal" in " anthropic s balanced model"); `unchecked`: the needles its lists did not decide. */
  private descriptionScore(place: number, query: ParsedQuery, unchecked: readonly string[]): number {
    const starts = this.documents.descriptionStarts;
    const [needDigits, needLetters] = query.needleStarts;
    if ((starts[2 * place] & needDigits) !== needDigits || (starts[2 * place + 1] & needLetters) !== needLetters) return NO_MATCH;
    const description = this.documents.descriptions[place];
    if (description === "") return NO_MATCH;
    // A needle of one character after its space was decided by the bits.
    for (const needle of unchecked) if (needle.length > 2 && !description.includes(needle)) return NO_MATCH;
    return tierScore("description", description.length - query.descriptionNeedlesLength);
  }
}

/** Above every score: a hit's slot in the counting sort is SCORE_CEILING - score. */
const SCORE_CEILING = TIER_BASE.exact + TIER_WIDTH;
const LOWEST_SCORE = TIER_BASE.description;
/** No match: below every score. */
const NO_MATCH = -1;
const NO_PLACES = new Int32Array(0);

/**
 * A stable counting sort of matches by score, best first: places come ascending, the tie order, and keep
 * it, so no comparator is needed. New arrays; the matches' own are left as they were.
 */
function rankByScore(places: Int32Array, scores: Int32Array): { places: Int32Array; scores: Int32Array } {
  const startOf = new Int32Array(SCORE_CEILING - LOWEST_SCORE + 2);
  for (let k = 0; k < scores.length; k++) startOf[SCORE_CEILING - scores[k]]++;
  for (let slot = 1; slot < startOf.length; slot++) startOf[slot] += startOf[slot - 1];
  const rankedPlaces = new Int32Array(places.length);
  const rankedScores = new Int32Array(places.length);
  for (let k = 0; k < scores.length; k++) {
    const at = startOf[SCORE_CEILING - scores[k] - 1]++;
    rankedPlaces[at] = places[k];
    rankedScores[at] = scores[k];
  }
  return { places: rankedPlaces, scores: rankedScores };
}

function grown(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/**
 * The ordinals of the documents in the tie order: shorter id first, then id by code units. A counting sort
 * by length keeps the documents' order inside a length, so when they come ordered by id (the snapshot's
 * models do) that is the whole order, in linear time; otherwise each length's ids are sorted.
 */
function tieOrder(ids: readonly string[]): Int32Array {
  let longest = 0;
  let idOrdered = true;
  for (let o = 0; o < ids.length; o++) {
    longest = Math.max(longest, ids[o].length);
    if (o > 0 && ids[o - 1] > ids[o]) idOrdered = false;
  }
  const start = new Int32Array(longest + 2);
  for (const id of ids) start[id.length + 1]++;
  for (let length = 1; length <= longest + 1; length++) start[length] += start[length - 1];
  const ordinals = new Int32Array(ids.length);
  const filled = start.slice();
  for (let o = 0; o < ids.length; o++) ordinals[filled[ids[o].length]++] = o;
  if (!idOrdered) {
    for (let length = 0; length <= longest; length++) {
      const sameLength = ordinals.subarray(start[length], start[length + 1]);
      sameLength.set(Array.from(sameLength).sort((a, b) => compareCodeUnits(ids[a], ids[b])));
    }
  }
  return ordinals;
}

function parseQuery(query: string): ParsedQuery | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  const descriptionNeedles = textWords(query).map((word) => " " + word);
  const descriptionNeedlesLength = descriptionNeedles.reduce((sum, needle) => sum + needle.length, 0);
  const byLength = (a: string, b: string) => a.length - b.length;
  return {
    words,
    whole: words.join(""),
    descriptionNeedles,
    descriptionNeedlesLength,
    wordsShortestFirst: [...words].sort(byLength),
    wordsUnchecked: words.filter((word) => word.length > GRAM || (word.length < GRAM && !(word.length === 2 && startsWithDigit(word)))).sort(byLength),
    needlesShortestFirst: [...descriptionNeedles].sort(byLength),
    needlesUnchecked: descriptionNeedles.filter((needle) => needle.length > GRAM + 1).sort(byLength),
    needleStarts: wordStarts(descriptionNeedles.join("")),
  };
}

function scoreName(name: CompactName, query: ParsedQuery): number {
  if (name.compact === query.whole) return tierScore("exact", 0);
  const extra = name.compact.length - query.whole.length;
  if (name.compact.startsWith(query.whole) && wordsFitAtStart(name, query.words)) return tierScore("prefix", extra);
  if (wordsInOrder(name, query.words)) return tierScore("wordsInOrder", extra);
  for (const word of query.words) if (findWord(name, word, 0) === -1) return NO_MATCH;
  return tierScore("wordsAnyOrder", extra);
}

/** Whether two names have their numbers in the same places. */
function sameNumbers(a: CompactName, b: CompactName): boolean {
  return a.digitContinuations.length === b.digitContinuations.length && a.digitContinuations.every((position, i) => position === b.digitContinuations[i]);
}

/** The characters starting a word of a spacedWords text: [digits as bits 0-9, letters as bits 0-25]. */
type WordStarts = [number, number];

function wordStarts(spaced: string): WordStarts {
  const starts: WordStarts = [0, 0];
  for (let i = 1; i < spaced.length; i++) {
    if (spaced.charCodeAt(i - 1) !== SPACE) continue;
    const code = spaced.charCodeAt(i);
    if (code <= 57) starts[0] |= 1 << (code - 48);
    else starts[1] |= 1 << (code - 97);
  }
  return starts;
}

const SPACE = 32;

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

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
