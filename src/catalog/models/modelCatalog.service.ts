import type { KeysetPage } from "../pagination/keysetPage";
import { memoryPage, sortByOrder } from "../pagination/memoryPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { ModelView } from "../views";
import { selectModels, type ModelFilter } from "./modelFilter";
import { modelOrdering, type ModelOrder, type ModelOrdering } from "./modelOrder";

/**
 * Below this share of the catalog, a filtered list sorts its own candidates; above it, it walks the
 * catalog's memoised order and keeps the matches (sorting many candidates costs more than a walk).
 */
const SORT_CANDIDATES_BELOW = 1 / 8;

/** Model lists: a filter, an ordering and a page, over one snapshot of the read model. */
export class ModelCatalogService {
  /** A page of models matching `filter` in `orderBy` order (name by default; best match first for a search). */
  listModels(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, orderBy: ModelOrder[] | null | undefined, page: PageArgs): KeysetPage<ModelView> {
    const { models, ordering } = this.matching(snapshot, filter, orderBy);
    return memoryPage(models, ordering, page);
  }

  /** The ids of every model matching `filter`, in id order (for cost estimates). */
  matchingIds(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined): string[] {
    return this.matching(snapshot, filter, [{ field: "ID" }]).models.map((m) => m.id);
  }

  /** Every matching model, sorted. */
  private matching(snapshot: CatalogSnapshot, filter: ModelFilter | null | undefined, orderBy: ModelOrder[] | null | undefined): { models: ModelView[]; ordering: ModelOrdering } {
    const selection = selectModels(snapshot, filter);
    const ordering = modelOrdering(snapshot, orderBy, {
      providerIds: selection.providerIds,
      search: selection.searchScores ? { text: filter!.search!.trim(), scores: selection.searchScores } : null,
    });
    const all = snapshot.models;
    const sortAll = () => snapshot.derived(`${ordering.byPrice ? "price:" : ""}order:${ordering.signature}`, () => sortByOrder(all, ordering));
    if (!selection.narrowed) return { models: sortAll(), ordering };
    const { candidates, test } = selection;
    if (ordering.bySearch || (candidates && candidates.size < all.length * SORT_CANDIDATES_BELOW)) {
      const chosen: ModelView[] = [];
      for (const id of candidates ?? []) {
        const model = snapshot.model(id);
        if (model && test(model)) chosen.push(model);
      }
      return { models: sortByOrder(chosen, ordering), ordering };
    }
    return { models: sortAll().filter((m) => (!candidates || candidates.has(m.id)) && test(m)), ordering };
  }
}
