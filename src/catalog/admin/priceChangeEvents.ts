import { priceSlot } from "../prices/priceWriter";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { PriceView } from "../views";
import type { PriceChangedEvent } from "./priceChangeFeed";

/** The row a new price replaced: the same slot's row that closed the instant the new one opened. */
function previousOf(snapshot: CatalogSnapshot, price: PriceView): PriceView | null {
  const slot = priceSlot(price);
  const opened = price.validFrom.getTime();
  return snapshot.priceHistory(price.offeringId).find((p) => p.id !== price.id && p.validTo?.getTime() === opened && priceSlot(p) === slot) ?? null;
}

/**
 * The `priceChanged` events for committed price rows, read from a snapshot that already holds them: by
 * the new rows' ids (admin writes), or by the slots whose current price changed (document loads). The
 * same function runs on the instance that wrote and on every instance that heard of it, so all of them
 * announce the same events.
 */
export function priceChangeEvents(
  snapshot: CatalogSnapshot,
  changed: { prices?: readonly (readonly [offeringId: string, priceId: string])[]; slots?: readonly string[] },
  actorName: string | null,
): PriceChangedEvent[] {
  const prices: PriceView[] = [];
  for (const [offeringId, priceId] of changed.prices ?? []) {
    const price = snapshot.priceHistory(offeringId).find((p) => p.id === priceId);
    if (price) prices.push(price);
  }
  for (const slot of changed.slots ?? []) {
    // "<offering id>|kind|unit|mode|contextAbove": the offering id is what precedes the last four parts.
    const offeringId = slot.split("|").slice(0, -4).join("|");
    const current = snapshot.currentPrices(offeringId).find((p) => priceSlot(p) === slot);
    if (current) prices.push(current);
  }
  return prices.flatMap((price) => {
    const offering = snapshot.offering(price.offeringId);
    if (!offering) return [];
    return [{ offeringId: offering.id, providerId: offering.providerId, modelId: offering.modelId, price, previous: previousOf(snapshot, price), actorName: actorName ?? "import" }];
  });
}
