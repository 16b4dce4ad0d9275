import type { Database } from "../../db/database";
import { groupByKeys, oneByKeys } from "../batch";
import { ValidationError } from "../errors";
import { canonicalProviderId } from "../identity/partyIdentity";
import { keysetPage, type KeysetPage } from "../pagination/keysetPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { OfferingView, PriceKind, PriceMode, PriceView } from "../views";
import { OFFERING_COLUMNS, PRICE_COLUMNS, toOfferingView, toPriceView } from "./offeringRows";

/** Which prices of an offering: those in force at `at` (now by default), optionally of one kind or mode. */
export interface PriceSelection {
  at?: Date | null;
  kind?: PriceKind | null;
  mode?: PriceMode | null;
}

/** Conditions (on "Price" p) for a kind and a mode, when given, with their parameters appended. */
function kindAndMode(selection: { kind?: PriceKind | null; mode?: PriceMode | null }, params: unknown[]): string[] {
  const where: string[] = [];
  if (selection.kind) {
    params.push(selection.kind);
    where.push(`p.kind = $${params.length}::"PriceKind"`);
  }
  if (selection.mode) {
    params.push(selection.mode);
    where.push(`p.mode = $${params.length}::"PriceMode"`);
  }
  return where;
}

/** Reads offerings and their prices, in batches for loaders, and an offering's price history. */
export class OfferingCatalogService {
  constructor(private readonly database: Database) {}

  async offeringsByIds(ids: readonly string[]): Promise<(OfferingView | undefined)[]> {
    const rows = await this.database.sql.query<Record<string, unknown>>(`SELECT ${OFFERING_COLUMNS} FROM "Offering" o WHERE o.id = ANY($1::text[])`, [[...ids]]);
    return oneByKeys(ids, rows.map(toOfferingView), (o) => o.id);
  }

  /** Each model's offerings, ordered by provider; only `providerId`'s when given. */
  async offeringsByModelIds(modelIds: readonly string[], providerId?: string | null): Promise<OfferingView[][]> {
    const params: unknown[] = [[...modelIds]];
    if (providerId) params.push(canonicalProviderId(providerId));
    const rows = await this.database.sql.query<Record<string, unknown>>(
      `SELECT ${OFFERING_COLUMNS} FROM "Offering" o WHERE o."modelId" = ANY($1::text[])${providerId ? ` AND o."providerId" = $2` : ""} ORDER BY o."providerId", o.id`,
      params,
    );
    return groupByKeys(modelIds, rows.map(toOfferingView), (o) => o.modelId);
  }

  /** Each provider's offerings, ordered by model. */
  async offeringsByProviderIds(providerIds: readonly string[]): Promise<OfferingView[][]> {
    const rows = await this.database.sql.query<Record<string, unknown>>(
      `SELECT ${OFFERING_COLUMNS} FROM "Offering" o WHERE o."providerId" = ANY($1::text[]) ORDER BY o."modelId", o.id`,
      [[...providerIds]],
    );
    return groupByKeys(providerIds, rows.map(toOfferingView), (o) => o.providerId);
  }

  /** Each offering's prices in force at `selection.at` (now when not given), by kind, mode and tier. */
  async pricesByOfferingIds(offeringIds: readonly string[], selection: PriceSelection = {}): Promise<PriceView[][]> {
    const params: unknown[] = [[...offeringIds]];
    const where = [`p."offeringId" = ANY($1::text[])`];
    if (selection.at) {
      params.push(selection.at.toISOString());
      where.push(`p."validFrom" <= $${params.length}::timestamp AND (p."validTo" IS NULL OR p."validTo" > $${params.length}::timestamp)`);
    } else {
      where.push(`p."validTo" IS NULL`);
    }
    where.push(...kindAndMode(selection, params));
    const rows = await this.database.sql.query<Record<string, unknown>>(
      `SELECT ${PRICE_COLUMNS} FROM "Price" p WHERE ${where.join(" AND ")} ORDER BY p.kind, p.mode, p."contextAbove", p.unit`,
      params,
    );
    return groupByKeys(offeringIds, rows.map(toPriceView), (p) => p.offeringId);
  }

  /**
   * Every price row an offering has had (current and closed), newest first: a page of its history,
   * optionally of one kind or mode. Throws ValidationError for an unknown offering.
   */
  async priceHistory(offeringId: string, selection: Omit<PriceSelection, "at">, page: PageArgs): Promise<KeysetPage<PriceView>> {
    const [offering] = await this.offeringsByIds([offeringId]);
    if (!offering) throw new ValidationError(`No offering with id "${offeringId}"; offering ids look like "openai:gpt-4.1-mini"`, "offeringId");
    const params: unknown[] = [offeringId];
    const where = [`p."offeringId" = $1`];
    where.push(...kindAndMode(selection, params));
    const result = await keysetPage<Record<string, unknown>>(
      this.database.sql,
      {
        select: PRICE_COLUMNS,
        from: `FROM "Price" p`,
        where,
        params,
        keys: [
          { expr: `p."validFrom"`, sqlType: "timestamp", direction: "DESC" },
          { expr: "p.id", sqlType: "text", direction: "ASC" },
        ],
        signature: `priceHistory:${offeringId}`,
      },
      page,
    );
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toPriceView(e.node) })) };
  }
}

