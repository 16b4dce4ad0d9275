import type { CatalogReadRepository } from "../../db/catalogReadRepository";
import type { Logger } from "../../logger";
import { readCatalogContent, toPriceView, toSourceView } from "./catalogContent";
import { CatalogSnapshot } from "./catalogSnapshot";

/**
 * Run around each rebuild: before it reads the catalog, and after it swapped its snapshot in (or failed).
 * A server builds with V8 tuned for speed and serves with it tuned for size, and frees the build's
 * garbage after it (see servingMemory.ts).
 */
export interface RebuildHooks {
  beforeRebuild?: () => void;
  afterRebuild?: () => void;
}

/** An update waiting its turn: a rebuild, or a patch of some offerings' prices (merged while it waits). */
interface PendingUpdate {
  rebuild: boolean;
  offeringIds: Set<string>;
  done: Promise<void>;
  settle(): void;
}

export interface ReadModelStats {
  /** Reading the catalog and building the snapshot, for the last rebuild. */
  lastRebuildMs: number | null;
  lastRebuildAt: Date | null;
  lastPatchMs: number | null;
  rebuilds: number;
  patches: number;
  /** The last update failed (the snapshot is older than the database) and a rebuild is scheduled. */
  stale: boolean;
}

/** After a failed update, try a rebuild again this much later. */
const RETRY_AFTER_MS = 1_000;

/**
 * Holds the current snapshot of the catalog for public reads and replaces it when the database changes:
 * a whole rebuild (after an import or a record edit) or a patch of some offerings' prices. Updates run
 * one at a time, each reading the database after the previous one finished, so a slow rebuild can never
 * overwrite a newer patch; updates requested while one waits are merged into it. A failed update keeps
 * the old snapshot, logs, and schedules a rebuild.
 */
export class CatalogReadModel {
  private snapshot: CatalogSnapshot = CatalogSnapshot.empty();
  private queue: Promise<void> = Promise.resolve();
  private pending: PendingUpdate | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  readonly stats: ReadModelStats = { lastRebuildMs: null, lastRebuildAt: null, lastPatchMs: null, rebuilds: 0, patches: 0, stale: false };

  constructor(
    private readonly repository: CatalogReadRepository,
    private readonly logger?: Logger,
    private readonly hooks: RebuildHooks = {},
  ) {}

  /** The snapshot public reads use now. A request keeps the one it started with. */
  get current(): CatalogSnapshot {
    return this.snapshot;
  }

  /** Reads the whole catalog and swaps in a new snapshot. Resolves once it serves (or the attempt failed). */
  rebuild(): Promise<void> {
    return this.request(true, []);
  }

  /** Re-reads these offerings' prices and swaps in a patched snapshot. */
  patchPrices(offeringIds: readonly string[]): Promise<void> {
    return this.request(false, offeringIds);
  }

  /** Stops scheduled retries; updates already queued still finish. */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private request(rebuild: boolean, offeringIds: readonly string[]): Promise<void> {
    if (this.pending) {
      this.pending.rebuild ||= rebuild;
      for (const id of offeringIds) this.pending.offeringIds.add(id);
      return this.pending.done;
    }
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const update: PendingUpdate = { rebuild, offeringIds: new Set(offeringIds), done, settle };
    this.pending = update;
    this.queue = this.queue.then(() => this.run(update));
    return done;
  }

  private async run(update: PendingUpdate): Promise<void> {
    // From here on, new requests wait for a later update: this one may already have read the database.
    if (this.pending === update) this.pending = null;
    const started = performance.now();
    try {
      if (update.rebuild) {
        this.hooks.beforeRebuild?.();
        try {
          // Unchanged views are shared with the snapshot being replaced (readCatalogContent).
          this.snapshot = CatalogSnapshot.build(await readCatalogContent(this.repository, this.snapshot));
          this.stats.lastRebuildMs = performance.now() - started;
          this.stats.lastRebuildAt = new Date();
          this.stats.rebuilds += 1;
          this.logger?.info("Read model rebuilt", { ms: Math.round(this.stats.lastRebuildMs), indexMs: Math.round(this.snapshot.buildMs), ...this.snapshot.counts });
        } finally {
          this.hooks.afterRebuild?.();
        }
      } else if (update.offeringIds.size > 0) {
        const ids = [...update.offeringIds];
        const rows = await this.repository.pricesOfOfferings(ids);
        const citedSources = [...new Set(rows.flatMap((r) => (r.sourceId && !this.snapshot.source(r.sourceId) ? [r.sourceId] : [])))];
        const sources = await this.repository.sourcesByIds(citedSources);
        this.snapshot = this.snapshot.withPrices(ids, rows.map(toPriceView), sources.map(toSourceView));
        this.stats.lastPatchMs = performance.now() - started;
        this.stats.patches += 1;
      }
      this.stats.stale = false;
    } catch (error) {
      this.stats.stale = true;
      this.logger?.error("Read model update failed; serving the previous snapshot", { error });
      this.scheduleRetry();
    } finally {
      update.settle();
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.rebuild();
    }, RETRY_AFTER_MS);
    this.retryTimer.unref();
  }
}
