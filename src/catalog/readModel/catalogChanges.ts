import crypto from "node:crypto";
import type { Database, SqlSession } from "../../db/database";
import type { Logger } from "../../logger";
import { priceChangeEvents } from "../admin/priceChangeEvents";
import type { PriceChangeFeed } from "../admin/priceChangeFeed";
import type { CatalogReadModel } from "./catalogReadModel";
import { announceChange, CATALOG_CHANNEL, parseAnnouncement, type CatalogChange } from "./changeAnnouncements";

export type { CatalogChange };

/**
 * The catalog's change bus: writers announce a change inside their transaction (PostgreSQL NOTIFY, so it
 * is delivered on commit and never for a rollback), then apply it to this instance's read model before
 * they return, so an admin reads their own write. Every other instance (and this one, for changes made
 * by `npm run import` in another process) hears the notification, updates its read model and tells its
 * `priceChanged` subscribers. On PGlite the same NOTIFY runs in process.
 */
export class CatalogChanges {
  /** This instance's name on the bus, so that it skips the announcements it has applied already. */
  readonly origin = crypto.randomUUID();
  private stopListening: (() => Promise<void>) | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly readModel: CatalogReadModel,
    private readonly priceFeed: PriceChangeFeed,
    private readonly logger?: Logger,
  ) {}

  /** Announces a change from inside the writer's transaction; delivered to every instance on commit. */
  async announce(tx: SqlSession, change: CatalogChange): Promise<void> {
    await announceChange(tx, this.origin, change);
  }

  /** Applies a change this instance committed: the read model serves it and subscribers hear of it when this resolves. */
  async applied(change: CatalogChange): Promise<void> {
    if (change.kind === "prices") {
      await this.readModel.patchPrices([...new Set(change.prices.map(([offeringId]) => offeringId))]);
      this.priceFeed.publish(priceChangeEvents(this.readModel.current, { prices: change.prices }, change.actorName));
    } else {
      await this.readModel.rebuild();
      if (change.kind === "documents") this.priceFeed.publish(priceChangeEvents(this.readModel.current, { slots: change.priceSlots }, change.actorName));
    }
  }

  /** Starts hearing other instances' changes. After a lost connection, a rebuild catches up on what was missed. */
  async start(): Promise<void> {
    this.stopListening = await this.database.listen(
      CATALOG_CHANNEL,
      (payload) => this.receive(payload),
      () => {
        this.logger?.warn("Change notifications resumed after a lost connection; rebuilding the read model");
        void this.readModel.rebuild();
      },
    );
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = undefined;
    await Promise.all(this.inFlight);
  }

  /**
   * Applies an announcement. Not one after another: the read model merges updates that arrive while one
   * runs, so a burst (an import announces in chunks) costs one or two rebuilds, not one per chunk.
   */
  private receive(payload: string): void {
    const announcement = parseAnnouncement(payload);
    if (!announcement) {
      this.logger?.warn("Ignored a malformed catalog change notification", { bytes: payload.length });
      return;
    }
    if (announcement.origin === this.origin) return;
    const work = this.applied(announcement.change)
      .catch((error: unknown) => this.logger?.error("Applying another instance's change failed", { error }))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }
}
