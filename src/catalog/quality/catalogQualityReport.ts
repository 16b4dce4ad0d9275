import type { FieldProvenanceView } from "../provenance/provenance.service";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import { summarizeConflicts, type ConflictSummary } from "./conflictSummary";
import { modelsWithoutLimits, modelsWithoutPrices, type MissingLimits, type MissingPrices } from "./coverageGaps";
import { idleSources, type IdleSources, type SourceContribution } from "./idleSources";
import { suspectedDuplicates, type SuspectedDuplicates } from "./suspectedDuplicates";

/** The catalog's size in one line. */
export interface Headline {
  models: number;
  offerings: number;
  /** Every price row, current and closed. */
  prices: number;
  /** Prices in force now. */
  currentPrices: number;
  providers: number;
  authors: number;
  /** Imported documents. */
  sources: number;
  conflicts: number;
}

/**
 * How good the merged catalog is, measured: suspected duplicates, conflicts by field and pattern,
 * models without limits or prices, documents that contributed nothing. Totals count everything; each
 * list holds its first `limit` entries.
 */
export interface CatalogQualityReport {
  generatedAt: Date;
  /** When the snapshot the report reads was built. */
  snapshotBuiltAt: Date;
  limit: number;
  headline: Headline;
  duplicates: SuspectedDuplicates;
  conflicts: ConflictSummary;
  withoutContextWindow: MissingLimits;
  withoutPrice: MissingPrices;
  idleSources: IdleSources;
}

/** Builds the report from a snapshot, every conflict with its candidates, and each source's fact counts. */
export function catalogQualityReport(
  snapshot: CatalogSnapshot,
  conflicts: readonly FieldProvenanceView[],
  contributions: readonly SourceContribution[],
  limit: number,
  now: Date = new Date(),
): CatalogQualityReport {
  const models = snapshot.models;
  const duplicates = suspectedDuplicates(models.map((m) => m.id));
  const conflictSummary = summarizeConflicts(conflicts, {
    ownerOf(entityType, entityId) {
      if (entityType === "MODEL") return { authorId: snapshot.model(entityId)?.authorId };
      if (entityType === "OFFERING") {
        const offering = snapshot.offering(entityId);
        return { providerId: offering?.providerId ?? entityId.split(":")[0], authorId: offering ? snapshot.model(offering.modelId)?.authorId : null };
      }
      if (entityType === "PROVIDER") return { providerId: entityId };
      if (entityType === "AUTHOR") return { authorId: entityId };
      return {};
    },
    isAggregator: (providerId) => snapshot.provider(providerId)?.kind === "AGGREGATOR",
  });
  const withoutContextWindow = modelsWithoutLimits(snapshot);
  const withoutPrice = modelsWithoutPrices(snapshot);
  const idle = idleSources(snapshot.sourcesByUri, contributions);
  const offerings = models.flatMap((m) => snapshot.offeringsOfModel(m.id));
  return {
    generatedAt: now,
    snapshotBuiltAt: snapshot.builtAt,
    limit,
    headline: {
      models: snapshot.counts.models,
      offerings: snapshot.counts.offerings,
      prices: snapshot.counts.prices,
      currentPrices: offerings.reduce((n, o) => n + snapshot.currentPrices(o.id).length, 0),
      providers: snapshot.counts.providers,
      authors: snapshot.counts.authors,
      sources: idle.documents,
      conflicts: conflictSummary.total,
    },
    duplicates: { ...duplicates, list: duplicates.list.slice(0, limit) },
    conflicts: {
      ...conflictSummary,
      byField: conflictSummary.byField.slice(0, limit),
    },
    withoutContextWindow: { ...withoutContextWindow, modelIds: withoutContextWindow.modelIds.slice(0, limit) },
    withoutPrice: { ...withoutPrice, modelIds: withoutPrice.modelIds.slice(0, limit) },
    idleSources: { ...idle, list: idle.list.slice(0, limit) },
  };
}
