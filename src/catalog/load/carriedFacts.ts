import type { SqlSession } from "../../db/database";
import type { FactWithSource } from "../../db/decisionRepository";
import { sourcesImportedAt } from "../../db/loadRepository";
import type { SourceFormat } from "../reconcile/precedence";
import type { EntityKey } from "./syncFacts";

/**
 * The facts the earlier groups of one load wrote and committed, by entity, so that a later group deciding
 * a record those documents also state need not read them back: in a seed, the OpenRouter and Starmap
 * groups read 71,000 of models.dev's facts, 1.5 s of PGlite's thread (the rows' transfer, not the plan).
 *
 * Only the load's own writes are carried, and only while they are still what is stored: a group first
 * checks that no other process has loaded one of those documents since (each source still has the load's
 * import time), and carries nothing if one has.
 */
export class CarriedFacts {
  private readonly byEntity = new Map<EntityKey, FactWithSource<SourceFormat>[]>();
  private readonly sources = new Set<string>();

  /** `importedAt`: the time the load writes on every source it loads. */
  constructor(private readonly importedAt: Date) {}

  /** The sources whose facts are carried. */
  get sourceIds(): readonly string[] {
    return [...this.sources];
  }

  /** A committed group's facts: every fact of `sourceIds`, as stored. */
  add(sourceIds: Iterable<string>, byEntity: ReadonlyMap<EntityKey, readonly FactWithSource<SourceFormat>[]>): void {
    for (const id of sourceIds) this.sources.add(id);
    for (const [key, facts] of byEntity) {
      const list = this.byEntity.get(key);
      if (list) list.push(...facts);
      else this.byEntity.set(key, [...facts]);
    }
  }

  /** The carried facts of one record. */
  factsOf(key: EntityKey): readonly FactWithSource<SourceFormat>[] {
    return this.byEntity.get(key) ?? [];
  }

  /** Drops everything unless every carried source is still as this load left it; on the transaction that will use them. */
  async confirm(tx: SqlSession): Promise<void> {
    if (this.sources.size === 0) return;
    const ids = this.sourceIds;
    if ((await sourcesImportedAt(tx, ids, this.importedAt)) === ids.length) return;
    this.byEntity.clear();
    this.sources.clear();
  }
}
