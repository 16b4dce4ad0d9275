// Trigram posting lists for the model search (modelSearchIndex.ts says why trigrams): per trigram of
// [a-z0-9], the ascending ordinals of the documents whose text holds it, and their intersection. Also the
// lists of pairs starting with a digit, for the two-character words that are numbers ("31" of "3.1", "4o"):
// a number is most of what those words say, and the pairs a digit starts are few per name.

export const GRAM = 3;
const ALPHABET = 36; // [0-9a-z], all a compact form holds
const GRAM_COUNT = ALPHABET ** GRAM;
/** What an intersection with no grams to narrow by stands for: every document. */
export const ALL = Symbol("all documents");

function symbolNumber(code: number): number {
  return code <= 57 ? code - 48 : code - 97 + 10;
}

export function gramAt(text: string, i: number): number {
  return (symbolNumber(text.charCodeAt(i)) * ALPHABET + symbolNumber(text.charCodeAt(i + 1))) * ALPHABET + symbolNumber(text.charCodeAt(i + 2));
}

/** The number of the pair of characters at i: what "digitPairs" lists are keyed by. */
export function pairAt(text: string, i: number): number {
  return symbolNumber(text.charCodeAt(i)) * ALPHABET + symbolNumber(text.charCodeAt(i + 1));
}

export function startsWithDigit(text: string): boolean {
  return isDigit(text.charCodeAt(0));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const SPACE = 32;

export function allGrams(word: string): number[] {
  const grams: number[] = [];
  for (let i = 0; i + GRAM <= word.length; i++) grams.push(gramAt(word, i));
  return grams;
}

const EMPTY = new Int32Array(0);

/**
 * Which grams of a text are posted: all of them (names), only each word's first (description prefixes),
 * the pairs of characters whose first is a digit (names, for two-character words; keyed by pairAt), or
 * each word's first pair (descriptions, for two-character words; keyed by pairAt).
 */
export type GramsPosted = "everyGram" | "wordStarts" | "digitPairs" | "wordStartPairs";

export class GramPostings {
  private constructor(private readonly lists: readonly Int32Array[]) {}

  /**
   * Posting lists for texts of [a-z0-9] words separated by single spaces, one text per document ordinal.
   * Two passes, one counting and one filling, so every list is allocated once at its final length: growing
   * 46,656 typed arrays by doubling made the garbage collector most of the build time.
   */
  static build(texts: readonly string[], posted: GramsPosted): GramPostings {
    const gramCount = posted === "digitPairs" || posted === "wordStartPairs" ? ALPHABET ** 2 : GRAM_COUNT;
    const lengths = new Int32Array(gramCount);
    const lastOrdinal = new Int32Array(gramCount).fill(-1);
    forEachGram(texts, posted, (gram, ordinal) => {
      if (lastOrdinal[gram] === ordinal) return;
      lastOrdinal[gram] = ordinal;
      lengths[gram]++;
    });
    const lists = Array.from(lengths, (length) => (length === 0 ? EMPTY : new Int32Array(length)));
    const filled = new Int32Array(gramCount);
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
  if (posted === "digitPairs") {
    for (let ordinal = 0; ordinal < texts.length; ordinal++) {
      const text = texts[ordinal];
      for (let i = 0; i + 1 < text.length; i++) if (isDigit(text.charCodeAt(i)) && text.charCodeAt(i + 1) !== SPACE) visit(pairAt(text, i), ordinal);
    }
    return;
  }
  if (posted === "wordStartPairs") {
    for (let ordinal = 0; ordinal < texts.length; ordinal++) {
      const text = texts[ordinal];
      // From space to space: descriptions are long, and a word's first pair is all that is posted.
      for (let space = text.indexOf(" "); space !== -1; space = text.indexOf(" ", space + 1)) {
        if (space + 2 < text.length && text.charCodeAt(space + 2) !== SPACE) visit(pairAt(text, space + 1), ordinal);
      }
    }
    return;
  }
  const wordStartsOnly = posted === "wordStarts";
  for (let ordinal = 0; ordinal < texts.length; ordinal++) {
    const text = texts[ordinal];
    for (let i = 0; i + GRAM <= text.length; i++) {
      const starts = wordStartsOnly ? i > 0 && text.charCodeAt(i - 1) === SPACE : text.charCodeAt(i) !== SPACE;
      if (starts && text.charCodeAt(i + 1) !== SPACE && text.charCodeAt(i + 2) !== SPACE) visit(gramAt(text, i), ordinal);
    }
  }
}

/** The documents on both lists (ALL: every document). */
export function intersectLists(a: Int32Array | typeof ALL, b: Int32Array | typeof ALL): Int32Array | typeof ALL {
  if (a === ALL) return b;
  if (b === ALL) return a;
  return a.length <= b.length ? intersectSorted(a, b) : intersectSorted(b, a);
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
