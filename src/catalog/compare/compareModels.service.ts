import { NotFoundError, ValidationError } from "../errors";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { ModelView } from "../views";
import type { PriceInclusion } from "../offerings/offeringKind";
import { compareModels, type ComparisonRow } from "./modelComparison";

export const MAX_COMPARED = 10;

export interface ModelComparisonResult {
  models: ModelView[];
  rows: ComparisonRow[];
}

/** Gathers what a side-by-side comparison needs from a snapshot and builds its rows. */
export class CompareModelsService {
  /**
   * Compares models named by id or alias (the same model named twice is compared once), on one provider's
   * offerings when `providerId` is given. Price rows (and so their best cells) come from the offerings
   * `include` counts: neither free nor router offerings by default. Throws NotFoundError naming the first
   * unknown id, and ValidationError for an empty or too long list.
   */
  compare(snapshot: CatalogSnapshot, ids: string[], providerId?: string | null, include: PriceInclusion = {}): ModelComparisonResult {
    if (ids.length === 0) throw new ValidationError("ids must name at least one model", "ids");
    if (ids.length > MAX_COMPARED) throw new ValidationError(`ids may name at most ${MAX_COMPARED} models, got ${ids.length}`, "ids");
    const resolved = ids.map((id) => snapshot.modelIdFor(id));
    const unknown = resolved.findIndex((id) => id === undefined);
    if (unknown >= 0) throw new NotFoundError("model", ids[unknown]);
    if (providerId && !snapshot.provider(providerId)) throw new NotFoundError("provider", providerId);
    const compared = [...new Set(resolved as string[])].map((id) => {
      const model = snapshot.model(id)!;
      const offerings = [...snapshot.offeringsOfModel(id, providerId)];
      return {
        model,
        capabilities: [...snapshot.capabilitiesOfModel(id)],
        offerings,
        prices: offerings.filter((o) => snapshot.includesOffering(o.id, include)).flatMap((o) => snapshot.currentPrices(o.id)),
        authorName: model.authorId ? (snapshot.author(model.authorId)?.name ?? null) : null,
      };
    });
    return { models: compared.map((c) => c.model), rows: compareModels(compared) };
  }
}
