import { ValidationError } from "../errors";
import type { KeysetPage } from "../pagination/keysetPage";
import { memoryPage, type MemoryOrder } from "../pagination/memoryPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { PriceKind, PriceMode, PriceView } from "../views";

/** Which prices of an offering: those in force at `at` (now by default), optionally of one kind or mode. */
export interface PriceSelection {
  at?: Date | null;
  kind?: PriceKind | null;
  mode?: PriceMode | null;
}

/** History order, newest first; the cursor holds the start instant and the id. */
const HISTORY_ORDER = (offeringId: string): MemoryOrder<PriceView> => ({
  keys: [
    { value: (p) => p.validFrom.toISOString(), type: "text", direction: "DESC" },
    { value: (p) => p.id, type: "text", direction: "ASC" },
  ],
  signature: `priceHistory:${offeringId}`,
});

/** Reads an offering's prices from a snapshot of the read model: in force at an instant, or its history. */
export class OfferingCatalogService {
  /** An offering's prices in force at `selection.at` (now when not given), by kind, mode, tier and unit. */
  prices(snapshot: CatalogSnapshot, offeringId: string, selection: PriceSelection = {}): readonly PriceView[] {
    const prices = selection.at ? snapshot.pricesAt(offeringId, selection.at) : snapshot.currentPrices(offeringId);
    if (!selection.kind && !selection.mode) return prices;
    return prices.filter((p) => (!selection.kind || p.kind === selection.kind) && (!selection.mode || p.mode === selection.mode));
  }

  /**
   * Every price row an offering has had (current and closed), newest first: a page of its history,
   * optionally of one kind or mode. Throws ValidationError for an unknown offering.
   */
  priceHistory(snapshot: CatalogSnapshot, offeringId: string, selection: Omit<PriceSelection, "at">, page: PageArgs): KeysetPage<PriceView> {
    if (!snapshot.offering(offeringId)) throw new ValidationError(`No offering with id "${offeringId}"; offering ids look like "openai:gpt-4.1-mini"`, "offeringId");
    const history = snapshot.priceHistory(offeringId).filter((p) => (!selection.kind || p.kind === selection.kind) && (!selection.mode || p.mode === selection.mode));
    return memoryPage(history, HISTORY_ORDER(offeringId), page);
  }
}
