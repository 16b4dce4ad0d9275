import type { CandidateRow, DecisionRow, FieldRef, ProvenanceRepository } from "../../db/provenanceRepository";
import { groupByKeys } from "../batch";
import { parseEntityKey } from "../load/syncFacts";
import { keysetPage, type KeysetPage } from "../pagination/keysetPage";
import type { PageArgs } from "../pagination/pageArgs";
import { precedenceFor, type EntityType } from "../reconcile/precedence";
import { valuesAgree } from "../reconcile/valueAgreement";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { SourceFormat } from "../views";
import { impliedDecisions } from "./impliedDecisions";

/** Entities whose provenance one snapshot keeps; past it the cache starts again (it is only a cache). */
const PROVENANCE_CACHE_ENTITIES = 5_000;

/** One source's value for a field, as provenance shows it. */
export interface CandidateView {
  factId: string;
  value: unknown;
  rawValue: string | null;
  precision: string | null;
  step: number | null;
  locator: string;
  sourceId: string;
  sourceUri: string;
  sourceFormat: SourceFormat;
  observedAt: Date;
  /** This candidate's value is the one the catalog shows. */
  chosen: boolean;
  /** Its value says the same as the chosen one (possibly less exactly). */
  agrees: boolean;
}

/** Where a field's value came from: the decision, the rule that made it, and every candidate. */
export interface FieldProvenanceView {
  entityType: EntityType;
  entityId: string;
  field: string;
  value: unknown;
  rule: string;
  hasConflict: boolean;
  /** For a value no document states for the record, the records it was derived from (a model's limit from offerings). */
  derivedFrom: string[];
  decidedAt: Date;
  /** Every document's value of the field, and for a derived value those of the records it was derived from. */
  candidates: CandidateView[];
}

export interface ConflictFilter {
  entityType?: EntityType | null;
  entityId?: string | null;
  /** A field name, or a prefix ending in "." ("price.", "capability."). */
  field?: string | null;
  /**
   * true: only conflicts an admin settled (an override decided them); false: only open ones (a
   * document's value was chosen); absent or null: both.
   */
  resolved?: boolean | null;
}

/** Reads provenance: every field's decision with its candidates, per entity or as a list of conflicts. */
export class ProvenanceService {
  constructor(private readonly repository: ProvenanceRepository) {}

  /**
   * The provenance of each entity as of a snapshot: read from the database once per snapshot and entity
   * (requests arriving together share one read), then kept with the snapshot. Every write replaces the
   * snapshot (a price patch too), so what is kept never outlives the catalog it describes.
   */
  async provenanceFor(snapshot: CatalogSnapshot, keys: readonly string[]): Promise<FieldProvenanceView[][]> {
    const cache = snapshot.derived("price:provenance", () => new Map<string, Promise<FieldProvenanceView[]>>());
    const missing = keys.filter((key) => !cache.has(key));
    if (missing.length > 0) {
      if (cache.size + missing.length > PROVENANCE_CACHE_ENTITIES) cache.clear();
      const loading = this.provenanceByEntities(missing);
      missing.forEach((key, i) => {
        const one = loading.then((all) => all[i]);
        // A failed read is not kept: the next request tries again.
        one.catch(() => cache.delete(key));
        cache.set(key, one);
      });
    }
    return Promise.all(keys.map((key) => cache.get(key)!));
  }

  /** The provenance of every decided field of each entity (keys "MODEL gpt-4.1-mini"), by field name. */
  async provenanceByEntities(keys: readonly string[]): Promise<FieldProvenanceView[][]> {
    const entities = keys.map(parseEntityKey);
    const [stored, facts, aggregators] = await Promise.all([this.repository.decisionsOf(entities), this.repository.factsOf(entities), this.repository.aggregatorProviderIds()]);
    const decisions = [...stored, ...impliedDecisions(stored, facts, (providerId) => aggregators.has(providerId))];
    // By field name in code-point order, the same on either database whatever its collation.
    decisions.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
    const views = assemble(decisions, [...facts, ...(await this.derivedFromFacts(decisions))]);
    return groupByKeys(keys, views, (v) => `${v.entityType} ${v.entityId}`);
  }

  /** The facts of the offerings derived values were taken from, for the same field. */
  private derivedFromFacts(decisions: readonly DecisionRow[]): Promise<CandidateRow[]> {
    return this.repository.factsOfFields(decisions.flatMap((d) => d.derivedFrom.map((entityId): FieldRef => ({ entityType: "OFFERING", entityId, field: d.field }))));
  }

  /** A page of the fields on which sources disagree, by entity and field, each with its candidates. */
  async conflicts(filter: ConflictFilter | null | undefined, page: PageArgs): Promise<KeysetPage<FieldProvenanceView>> {
    const criteria = {
      ...(filter?.entityType ? { entityType: filter.entityType } : {}),
      ...(filter?.entityId ? { entityId: filter.entityId.trim() } : {}),
      ...(filter?.field ? { field: filter.field } : {}),
      ...(filter?.resolved != null ? { resolved: filter.resolved } : {}),
    };
    const result = await keysetPage(page, { signature: "conflicts", keyCount: 3 }, (window) => this.repository.conflictWindow(criteria, window));
    const wanted = result.edges.map((e) => e.node);
    const facts = await this.repository.factsOfFields(wanted.map(({ entityType, entityId, field }) => ({ entityType, entityId, field })));
    const views = assemble(wanted, [...facts, ...(await this.derivedFromFacts(wanted))]);
    return { ...result, edges: result.edges.map((e, i) => ({ cursor: e.cursor, node: views[i] })) };
  }
}

/** Decisions with their candidates, in the decisions' order. */
function assemble(decisions: DecisionRow[], facts: CandidateRow[]): FieldProvenanceView[] {
  const key = (r: { entityType: string; entityId: string; field: string }) => `${r.entityType}\u0000${r.entityId}\u0000${r.field}`;
  const factsByField = new Map<string, CandidateRow[]>();
  // A fact can come twice: an offering's own, and again as what a model's derived limit was taken from
  // when the model and the offering are read in one batch (it was then listed twice as a candidate).
  const seen = new Set<string>();
  for (const f of facts) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    factsByField.set(key(f), [...(factsByField.get(key(f)) ?? []), f]);
  }
  return decisions.map((d) => {
    const comparison = precedenceFor(d.entityType, d.field).comparison;
    const chosen = { value: d.chosenValue };
    return {
      entityType: d.entityType,
      entityId: d.entityId,
      field: d.field,
      value: d.chosenValue,
      rule: d.rule,
      hasConflict: d.hasConflict,
      derivedFrom: d.derivedFrom,
      decidedAt: d.decidedAt,
      candidates: [key(d), ...d.derivedFrom.map((entityId) => key({ entityType: "OFFERING", entityId, field: d.field }))].flatMap((k) => factsByField.get(k) ?? []).map((f) => ({
        factId: f.id,
        value: f.value,
        rawValue: f.rawValue,
        precision: f.precision,
        step: f.step,
        locator: f.locator,
        sourceId: f.sourceId,
        sourceUri: f.source.uri,
        sourceFormat: f.source.format,
        observedAt: f.observedAt,
        chosen: f.id === d.chosenFactId,
        agrees: valuesAgree({ value: f.value, precision: f.precision, step: f.step }, chosen, comparison),
      })),
    };
  });
}
