import type { OfferingCost } from "../../../src/catalog/cost/priceOffering";
import { rankCosts } from "../../../src/catalog/cost/rankCosts";

function cost(offeringId: string, total: string, extra: Partial<OfferingCost> = {}): OfferingCost {
  const missing = extra.missing ?? [];
  return { offeringId, currency: "USD", total, tierAbove: 0, lines: [], missing, complete: missing.length === 0, ...extra };
}

const order = (costs: OfferingCost[]) => costs.map((c) => c.offeringId);

describe("rankCosts", () => {
  it("puts complete estimates first, however cheap an incomplete one looks", () => {
    const ranked = rankCosts([cost("partial", "0.01", { missing: ["INPUT_AUDIO"] }), cost("azure", "0.12"), cost("openai", "0.117")]);
    expect(order(ranked)).toEqual(["openai", "azure", "partial"]);
  });

  it("compares totals as exact decimals, not as text or floats", () => {
    const ranked = rankCosts([cost("a", "10"), cost("b", "9.99"), cost("c", "0.30000000000000001"), cost("d", "0.3")]);
    expect(order(ranked)).toEqual(["d", "c", "b", "a"]);
  });

  it("breaks a tie with the given comparator, then by offering id", () => {
    const costs = [cost("z", "1"), cost("y", "1"), cost("x", "1")];
    expect(order(rankCosts(costs))).toEqual(["x", "y", "z"]);
    const preferZ = (a: OfferingCost, b: OfferingCost) => Number(b.offeringId === "z") - Number(a.offeringId === "z");
    expect(order(rankCosts(costs, preferZ))).toEqual(["z", "x", "y"]);
  });

  it("ranks estimates in the most common currency before others, never comparing totals across currencies", () => {
    const ranked = rankCosts([cost("eu", "0.01", { currency: "EUR" }), cost("us-2", "2"), cost("us-1", "1"), cost("cn", "0.001", { currency: "CNY" })]);
    expect(order(ranked)).toEqual(["us-1", "us-2", "cn", "eu"]);
  });

  it("returns a new array and leaves the given one as it was", () => {
    const costs = [cost("b", "2"), cost("a", "1")];
    rankCosts(costs);
    expect(order(costs)).toEqual(["b", "a"]);
  });
});
