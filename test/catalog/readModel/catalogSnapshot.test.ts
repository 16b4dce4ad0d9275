import { emptyCatalogContent, type CatalogContent } from "../../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../../src/catalog/readModel/catalogSnapshot";
import type { ModelView, OfferingView, PriceView } from "../../../src/catalog/views";
import { price } from "../cost/priceFixtures";
import { modelView, offeringView, providerView } from "../viewFixtures";

const model = (id: string, extra: Partial<ModelView> = {}): ModelView => modelView(id, { name: id.toUpperCase(), authorId: "acme", ...extra });

/** A price row with its id and validity, built on the cost tests' price fixture. */
const row = (id: string, offeringId: string, amount: string, validFrom: string, validTo: string | null = null, extra: Partial<PriceView> = {}): PriceView =>
  price(offeringId, extra.kind ?? "INPUT", amount, { id, validFrom: new Date(validFrom), validTo: validTo ? new Date(validTo) : null, ...extra });

function content(): CatalogContent {
  return {
    ...emptyCatalogContent(),
    authors: [{ id: "acme", name: "Acme", url: null, description: null, version: 1 }],
    providers: ["acme", "cloud"].map(providerView),
    models: [model("small"), model("big", { inputModalities: ["text", "image"] })],
    aliases: [{ alias: "acme/small", modelId: "small" }],
    offerings: [offeringView("acme", "small"), offeringView("cloud", "small"), offeringView("acme", "big")],
    prices: [
      row("p1", "acme:small", "0.4", "2025-01-01T00:00:00Z", "2025-06-01T00:00:00Z"),
      row("p2", "acme:small", "0.3", "2025-06-01T00:00:00Z"),
      row("p3", "cloud:small", "0.35", "2025-01-01T00:00:00Z"),
      row("p4", "acme:small", "1.2", "2025-01-01T00:00:00Z", null, { kind: "OUTPUT" }),
      row("p5", "acme:big", "2", "2025-01-01T00:00:00Z"),
    ],
    modelCapabilities: [
      { ownerId: "small", key: "tool_calls", level: "CORE" },
      { ownerId: "big", key: "tool_calls", level: "NOT_SUPPORTED" },
    ],
  };
}

describe("a catalog snapshot", () => {
  const snapshot = CatalogSnapshot.build(content());

  it("finds models by id and by alias, any case", () => {
    expect(snapshot.findModel("ACME/Small")?.id).toBe("small");
    expect(snapshot.findModel("nothing")).toBeUndefined();
  });

  it("keeps the indexes a filter needs: supported capabilities (CORE counts) and modalities", () => {
    expect([...snapshot.modelsSupporting("tool_calls")]).toEqual(["small"]);
    expect([...snapshot.modelsWithInputModality("image")]).toEqual(["big"]);
    expect([...snapshot.modelsOfProvider("cloud")]).toEqual(["small"]);
  });

  it("lists current prices, prices at an instant, and the history newest first", () => {
    expect(snapshot.currentPrices("acme:small").map((p) => p.id)).toEqual(["p2", "p4"]);
    expect(snapshot.pricesAt("acme:small", new Date("2025-03-01T00:00:00Z")).map((p) => p.id)).toEqual(["p1", "p4"]);
    // p1 and p4 started together: the id breaks the tie.
    expect(snapshot.priceHistory("acme:small").map((p) => p.id)).toEqual(["p2", "p1", "p4"]);
  });

  it("gives a model's cheapest current price over its offerings", () => {
    expect(snapshot.cheapestPrice("small", { kind: "INPUT", mode: "STANDARD", currency: "USD" })?.id).toBe("p2");
    expect(snapshot.cheapestPrice("small", { kind: "INPUT", mode: "STANDARD", currency: "USD", providerIds: ["cloud"] })?.id).toBe("p3");
  });

  it("is patched by a price change into a new snapshot, leaving the old one as it was", () => {
    const patched = snapshot.withPrices(["cloud:small"], [row("p3", "cloud:small", "0.35", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), row("p6", "cloud:small", "0.2", "2026-01-01T00:00:00Z")]);
    expect(patched.cheapestPrice("small", { kind: "INPUT", mode: "STANDARD", currency: "USD" })?.id).toBe("p6");
    expect(patched.priceHistory("cloud:small").map((p) => p.id)).toEqual(["p6", "p3"]);
    expect(patched.counts.prices).toBe(6);
    expect(snapshot.cheapestPrice("small", { kind: "INPUT", mode: "STANDARD", currency: "USD" })?.id).toBe("p2");
    expect(snapshot.currentPrices("cloud:small").map((p) => p.id)).toEqual(["p3"]);
    expect(patched.findModel("acme/small")?.id).toBe("small");
  });
});

describe("a catalog snapshot's free and router offerings", () => {
  const base = content();
  const freeTier: OfferingView = offeringView("cloud", "big", { id: "cloud:big:free", providerModelId: "big:free" });
  const auto: OfferingView = offeringView("cloud", "auto", { providerModelId: "cloud/auto", name: "Auto Router" });
  const snapshot = CatalogSnapshot.build({
    ...base,
    models: [...base.models, model("auto")],
    offerings: [...base.offerings, freeTier, auto],
    prices: [
      ...base.prices,
      row("f1", "cloud:big:free", "0", "2025-01-01T00:00:00Z"),
      row("f2", "cloud:small", "0", "2025-01-01T00:00:00Z", null, { kind: "OUTPUT" }),
      row("r1", "cloud:auto", "0.5", "2025-01-01T00:00:00Z"),
    ],
  });
  const input = { kind: "INPUT", mode: "STANDARD", currency: "USD" } as const;

  it("marks the :free tier free, the auto router a router and its model a router model; an offering with one zero price stays paid", () => {
    expect(snapshot.offeringKind("cloud:big:free")).toEqual({ free: true, router: false });
    expect(snapshot.offeringKind("cloud:auto")).toEqual({ free: false, router: true });
    expect(snapshot.offeringKind("cloud:small")).toEqual({ free: false, router: false });
    expect(snapshot.isRouterModel("auto")).toBe(true);
    expect(snapshot.isRouterModel("big")).toBe(false);
  });

  it("leaves free and router offerings out of the cheapest price unless asked to include them", () => {
    expect(snapshot.cheapestPrice("big", input)?.id).toBe("p5");
    expect(snapshot.cheapestPrice("big", { ...input, include: { includeFree: true } })?.id).toBe("f1");
    expect(snapshot.cheapestPrice("auto", input)).toBeNull();
    expect(snapshot.cheapestPrice("auto", { ...input, include: { includeRouters: true } })?.id).toBe("r1");
    // Restricted to some providers (not the precomputed path), the same rule holds.
    expect(snapshot.cheapestPrice("big", { ...input, providerIds: ["cloud"] })).toBeNull();
    expect(snapshot.cheapestPrice("big", { ...input, providerIds: ["cloud"], include: { includeFree: true } })?.id).toBe("f1");
  });

  it("classifies an offering again when a price patch makes it free or paid, for each inclusion's cheapest prices", () => {
    // Both of cloud:small's prices become 0: it is free now and leaves the default cheapest price.
    expect(snapshot.cheapestPrice("small", input)?.id).toBe("p2");
    expect(snapshot.cheapestPrice("small", { ...input, include: { includeFree: true } })?.id).toBe("p2");
    const zeroed = snapshot.withPrices(["cloud:small"], [row("z1", "cloud:small", "0", "2025-01-01T00:00:00Z"), row("f2", "cloud:small", "0", "2025-01-01T00:00:00Z", null, { kind: "OUTPUT" })]);
    expect(zeroed.offeringKind("cloud:small")).toEqual({ free: true, router: false });
    expect(zeroed.cheapestPrice("small", input)?.id).toBe("p2");
    expect(zeroed.cheapestPrice("small", { ...input, include: { includeFree: true } })?.id).toBe("z1");
    expect(snapshot.offeringKind("cloud:small")).toEqual({ free: false, router: false });
    // A price on cloud:big:free does not make it paid: its :free tag says so.
    const repriced = zeroed.withPrices(["cloud:big:free"], [row("f3", "cloud:big:free", "0.1", "2025-01-01T00:00:00Z")]);
    expect(repriced.offeringKind("cloud:big:free")).toEqual({ free: true, router: false });
    expect(repriced.cheapestPrice("big", input)?.id).toBe("p5");
    // cloud:small priced again: paid, and back in the default cheapest price.
    const paid = repriced.withPrices(["cloud:small"], [row("z2", "cloud:small", "0.1", "2025-01-01T00:00:00Z"), row("f4", "cloud:small", "0.5", "2025-01-01T00:00:00Z", null, { kind: "OUTPUT" })]);
    expect(paid.offeringKind("cloud:small")).toEqual({ free: false, router: false });
    expect(paid.cheapestPrice("small", input)?.id).toBe("z2");
  });
});
