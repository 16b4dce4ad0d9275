import type { KeysetPage } from "../pagination/keysetPage";
import { memoryPage, memoryPageWhere, sortByOrder } from "../pagination/memoryPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { ModelView } from "../views";
import type { PriceInclusion } from "../offerings/offeringKind";
import { selectModels, type ModelFilter, type ModelSelection } from "./modelFilter";
import { modelOrdering, type ModelOrder, type ModelOrdering } from "./modelOrder";

/**
 * Below this share of the catalog, a filtered list sorts its own candidates; above it, it walks the
 * catalog's memoised order and keeps the matches (sorting many candidates costs more than a walk).
 */
const SORT_CANDIDATES_BELOW = 1 / 8;

/** Model lists: a filter, an ordering and a page, over one snapshot of the read model. */
export class ModelCatalogService {
  /**
   * A page of models matching `filter` in `orderBy` order (name by default; best match first for a search).
   * Price orderings and the price ceiling count free and router offerings only as `inclusion` says.
   */
  listModels(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, orderBy: ModelOrder[] | null | undefined, page: PageArgs, inclusion: PriceInclusion = {}): KeysetPage<ModelView> {
    const selection = selectModels(snapshot, filter, inclusion);
    const ordering = this.ordering(snapshot, filter, orderBy, selection, inclusion);
    const { candidateCount, candidateModels, isCandidate, test } = selection;
    // Many candidates from the indexes (a common capability, say): walk the catalog's memoised order
    // and stop once the page is full, counting the matches from the conditions' bits. The walk costs
    // the page's size divided by the share that matches, not the size of the catalog.
    if (selection.narrowed && candidateCount !== null && candidateModels && !ordering.bySearch && candidateCount >= snapshot.models.length * SORT_CANDIDATES_BELOW) {
      return memoryPageWhere(this.sortedCatalog(snapshot, ordering), ordering, page, (m) => isCandidate(m) && test(m), selection.count());
    }
    return memoryPage(this.matching(snapshot, selection, ordering), ordering, page);
  }

  /**
   * Every model matching `filter`, in no promised order (for cost estimates, which rank by cost): the
   * candidates of the indexes that pass the other conditions, never sorted.
   */
  matchingModels(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, inclusion: PriceInclusion = {}): readonly ModelView[] {
    const selection = selectModels(snapshot, filter, inclusion);
    if (!selection.narrowed) return snapshot.models;
    const candidates = selection.candidateModels ?? snapshot.models;
    return selection.testsNothing ? candidates : candidates.filter(selection.test);
  }

  /**
   * The ordinals (places in `snapshot.models`) of every model matching `filter`, in no promised order: the
   * models of matchingModels without a model list made for them (a search's are never ranked). The array
   * may be one the snapshot or the search keeps: read it, do not change it.
   */
  matchingOrdinals(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, inclusion: PriceInclusion = {}): Int32Array {
    const selection = selectModels(snapshot, filter, inclusion, { searchScores: false });
    const models = snapshot.models;
    const candidates = selection.narrowed ? selection.candidateOrdinals() : null;
    if (!candidates) {
      const every = new Int32Array(models.length);
      for (let ordinal = 0; ordinal < every.length; ordinal++) every[ordinal] = ordinal;
      return selection.narrowed ? every.filter((ordinal) => selection.test(models[ordinal])) : every;
    }
    return selection.testsNothing ? candidates : candidates.filter((ordinal) => selection.test(models[ordinal]));
  }

  private ordering(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, orderBy: ModelOrder[] | null | undefined, selection: ModelSelection, inclusion: PriceInclusion): ModelOrdering {
    const matches = selection.search;
    // A model's score is looked up by its ordinal in the matches: only the page's models and a cursor's
    // binary search ask for one when the index ranked the list.
    const scoreOf = (model: ModelView) => {
      const ordinal = snapshot.modelOrdinal(model.id);
      return (ordinal === undefined ? undefined : matches?.scoreOf(ordinal)) ?? null;
    };
    return modelOrdering(snapshot, orderBy, {
      providerIds: selection.providerIds,
      include: inclusion,
      search: matches ? { text: filter!.search!.trim(), scoreOf } : null,
    });
  }

  /** The whole catalog in an ordering, sorted once per snapshot (price orders once per price change). */
  private sortedCatalog(snapshot: CatalogSnapshot, ordering: ModelOrdering): ModelView[] {
    return snapshot.derived(`${ordering.byPrice ? "price:" : ""}order:${ordering.signature}`, () => sortByOrder(snapshot.models, ordering));
  }

  /** Every matching model, sorted. */
  private matching(snapshot: CatalogSnapshot, selection: ModelSelection, ordering: ModelOrdering): readonly ModelView[] {
    if (!selection.narrowed) return this.sortedCatalog(snapshot, ordering);
    const { candidateCount, candidateModels, isCandidate, test, testsNothing } = selection;
    const passing = (models: readonly ModelView[]) => (testsNothing ? models : models.filter(test));
    // The index ranks its hits in the relevance ordering's own order (modelOrder.ts): no second sort.
    if (ordering.bySearch && selection.rankedBySearch) return passing(candidateModels ?? []);
    if (ordering.bySearch || (candidateCount !== null && candidateCount < snapshot.models.length * SORT_CANDIDATES_BELOW)) {
      return sortByOrder(passing(candidateModels ?? []), ordering);
    }
    return this.sortedCatalog(snapshot, ordering).filter((m) => isCandidate(m) && test(m));
  }
}
