import type { ParseIssue } from "../../ingest/observation";

/** How an import changed one kind of row. */
export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PriceCounts {
  /** A price for a slot that had none. */
  created: number;
  /** A changed price: the old row closed, a new one opened. */
  updated: number;
  /** A price no document (or admin) states any more: closed, none opened. */
  closed: number;
  unchanged: number;
}

export interface LoadReport {
  documents: { loaded: number; unchanged: number };
  authors: ChangeCounts;
  providers: ChangeCounts;
  models: ChangeCounts;
  offerings: ChangeCounts;
  prices: PriceCounts;
  /** Fields, across the whole catalog after the import, on which sources disagree. */
  conflicts: number;
  /** The price slots ("offering|kind|unit|mode|contextAbove") that got a new current price, for change events. */
  changedPriceSlots: string[];
  /** Values of loaded documents the catalog cannot hold (OUT_OF_RANGE), left out; what was stored before stays. */
  issues: (ParseIssue & { uri: string })[];
}

export function emptyLoadReport(): LoadReport {
  const counts = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0 });
  return {
    documents: { loaded: 0, unchanged: 0 },
    authors: counts(),
    providers: counts(),
    models: counts(),
    offerings: counts(),
    prices: { created: 0, updated: 0, closed: 0, unchanged: 0 },
    conflicts: 0,
    changedPriceSlots: [],
    issues: [],
  };
}
