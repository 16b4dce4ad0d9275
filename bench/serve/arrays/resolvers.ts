// Plain resolvers over the arrays for the fields the benchmark's queries use, in the (parent, args) form
// graphql-js, Apollo Server and Mercurius all take. Fields not listed fall to the default resolver
// (the row's property of the same name). No graphql import: Mercurius brings its own copy.
import type { CatalogArrays } from "./catalogArrays";
import type { ModelRow, OfferingRow } from "./catalogFile";
import { compareModels } from "./comparison";
import { estimateCost, type WorkloadArgs } from "./costEstimate";
import { modelConnection, type ModelsArgs } from "./modelList";

type Resolver = (parent: any, args: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
export type ResolverMap = Record<string, Record<string, Resolver>>;

export function arrayResolvers(catalog: CatalogArrays): ResolverMap {
  return {
    Query: {
      models: (_: unknown, args: ModelsArgs) => modelConnection(catalog, args),
      model: (_: unknown, { id }: { id: string }) => catalog.findModel(id) ?? null,
      compareModels: (_: unknown, { ids, providerId }: { ids: string[]; providerId?: string | null }) => {
        if (providerId) throw new Error("providerId is not implemented by this contender");
        return compareModels(catalog, ids);
      },
      estimateCost: (_: unknown, args: { workload: WorkloadArgs }) => estimateCost(catalog, args),
      health: () => ({ status: "ok", database: "POSTGRESQL", migrationsApplied: 0, models: catalog.models.length, sources: 0, startedAt: new Date(0).toISOString(), version: "arrays" }),
    },
    Model: {
      author: (m: ModelRow) => (m.authorId ? (catalog.authorsById.get(m.authorId) ?? null) : null),
      offerings: (m: ModelRow, { providerId }: { providerId?: string | null }) => catalog.offeringsOf(m.id).filter((o) => !providerId || o.providerId === providerId),
      capabilities: (m: ModelRow) => (catalog.capabilitiesByModel.get(m.id) ?? []).map((c) => ({ ...c, supported: c.level !== "NOT_SUPPORTED" })),
      cheapestPrice: (m: ModelRow, { kind, mode, currency }: { kind: string; mode?: string | null; currency?: string | null }) =>
        catalog.cheapestPrice(m.id, kind, mode ?? "STANDARD", (currency ?? "USD").toUpperCase()),
      provenance: (m: ModelRow, { field }: { field?: string | null }) => catalog.provenance(m.id, field),
      supports: (m: ModelRow, { key }: { key: string }) => {
        const level = catalog.capabilitiesByModel.get(m.id)?.find((c) => c.key === key)?.level;
        return level === undefined ? null : level !== "NOT_SUPPORTED";
      },
    },
    Offering: {
      provider: (o: OfferingRow) => catalog.providersById.get(o.providerId),
      model: (o: OfferingRow) => catalog.modelsById.get(o.modelId),
      prices: (o: OfferingRow, { kind, mode, at }: { kind?: string | null; mode?: string | null; at?: unknown }) => {
        if (at != null) throw new Error("prices(at:) is not implemented by this contender");
        return catalog.currentPrices(o.id).filter((p) => (!kind || p.kind === kind) && (!mode || p.mode === mode));
      },
    },
  };
}
