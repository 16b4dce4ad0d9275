// One query's matches as the search index found them, asked for what a request needs: how many, which
// documents, a document's score, the ranking. A model list or an estimate used to turn every hit into
// objects, a map of scores by id, a set of ids and the set's bits; at 100 times the catalog that was as
// much time as finding the 1,429 matches of "llama 3.1 70b". Here the matches stay in typed arrays, and a
// document is found by its ordinal (its place in the documents the index was built from: a snapshot's
// model ordinal), not by its id.

/** A match whose score was not worked out when it was found (ModelSearchIndex.matches with `scored: false`). */
export const UNSCORED = -2;

export class SearchMatches {
  private rankedOrdinals: Int32Array | undefined;
  private rankedScores: Int32Array | undefined;
  private matchOrdinals: Int32Array | undefined;

  /**
   * `places` ascending (the index's tie order: shorter id, then id), `scores` beside them; a place's
   * ordinal is `ordinalOfPlace[place]`, an ordinal's place `placeOfOrdinal[ordinal]`. `rank` sorts them.
   * A score may be UNSCORED: `scoreOfPlace` works it out when a ranking or a score is asked for.
   */
  constructor(
    private readonly places: Int32Array,
    private readonly scores: Int32Array,
    private readonly ordinalOfPlace: Int32Array,
    private readonly placeOfOrdinal: Int32Array,
    private readonly rank: (places: Int32Array, scores: Int32Array) => { places: Int32Array; scores: Int32Array },
    private scoreOfPlace?: (place: number) => number,
  ) {}

  get count(): number {
    return this.places.length;
  }

  /** The matching documents' ordinals, in no promised order. */
  ordinals(): Int32Array {
    if (!this.matchOrdinals) {
      const ordinals = new Int32Array(this.places.length);
      for (let k = 0; k < ordinals.length; k++) ordinals[k] = this.ordinalOfPlace[this.places[k]];
      this.matchOrdinals = ordinals;
    }
    return this.matchOrdinals;
  }

  /** The matching documents' ordinals, best match first (ties: shorter id first, then id), and their scores beside them. */
  ranked(): { ordinals: Int32Array; scores: Int32Array } {
    if (!this.rankedOrdinals || !this.rankedScores) {
      const { places, scores } = this.rank(this.places, this.scored());
      for (let k = 0; k < places.length; k++) places[k] = this.ordinalOfPlace[places[k]];
      this.rankedOrdinals = places;
      this.rankedScores = scores;
    }
    return { ordinals: this.rankedOrdinals, scores: this.rankedScores };
  }

  /** The score of the document with this ordinal; undefined when it does not match (a binary search). */
  scoreOf(ordinal: number): number | undefined {
    const k = this.indexOf(ordinal);
    return k === -1 ? undefined : this.scored()[k];
  }

  /** The scores, the ones left UNSCORED worked out (once). */
  private scored(): Int32Array {
    const scoreOfPlace = this.scoreOfPlace;
    if (scoreOfPlace) {
      const scores = this.scores;
      for (let k = 0; k < scores.length; k++) if (scores[k] === UNSCORED) scores[k] = scoreOfPlace(this.places[k]);
      this.scoreOfPlace = undefined;
    }
    return this.scores;
  }

  /** Whether the document with this ordinal matches. */
  has(ordinal: number): boolean {
    return this.indexOf(ordinal) !== -1;
  }

  private indexOf(ordinal: number): number {
    const place = this.placeOfOrdinal[ordinal];
    if (place === undefined) return -1;
    const places = this.places;
    let low = 0;
    let high = places.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (places[mid] < place) low = mid + 1;
      else high = mid;
    }
    return low < places.length && places[low] === place ? low : -1;
  }
}
