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
    const { candidates, candidateModels, test } = selection;
    // Many candidates from the indexes (a common capability, say): walk the catalog's memoised order
    // and stop once the page is full, counting the matches from the conditions' bits. The walk costs
    // the page's size divided by the share that matches, not the size of the catalog.
    if (selection.narrowed && candidates && candidateModels && !ordering.bySearch && candidates.size >= snapshot.models.length * SORT_CANDIDATES_BELOW) {
      return memoryPageWhere(this.sortedCatalog(snapshot, ordering), ordering, page, (m) => candidates.has(m.id) && test(m), selection.count());
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
    return (selection.candidateModels ?? snapshot.models).filter(selection.test);
  }

  private ordering(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, orderBy: ModelOrder[] | null | undefined, selection: ModelSelection, inclusion: PriceInclusion): ModelOrdering {
    return modelOrdering(snapshot, orderBy, {
      providerIds: selection.providerIds,
      include: inclusion,
      search: selection.searchScores ? { text: filter!.search!.trim(), scores: selection.searchScores } : null,
    });
  }

  /** The whole catalog in an ordering, sorted once per snapshot (price orders once per price change). */
  private sortedCatalog(snapshot: CatalogSnapshot, ordering: ModelOrdering): ModelView[] {
    return snapshot.derived(`${ordering.byPrice ? "price:" : ""}order:${ordering.signature}`, () => sortByOrder(snapshot.models, ordering));
  }

  /** Every matching model, sorted. */
  private matching(snapshot: CatalogSnapshot, selection: ModelSelection, ordering: ModelOrdering): ModelView[] {
    if (!selection.narrowed) return this.sortedCatalog(snapshot, ordering);
    const { candidates, candidateModels, test } = selection;
    // The index ranks its hits in the relevance ordering's own order (modelOrder.ts): no second sort.
    if (ordering.bySearch && selection.rankedBySearch) return (candidateModels ?? []).filter(test);
    if (ordering.bySearch || (candidates && candidates.size < snapshot.models.length * SORT_CANDIDATES_BELOW)) {
      return sortByOrder((candidateModels ?? []).filter(test), ordering);
    }
    return this.sortedCatalog(snapshot, ordering).filter((m) => (!candidates || candidates.has(m.id)) && test(m));
  }
}
