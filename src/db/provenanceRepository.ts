import type { SqlSession } from "./database";
import type { $Enums, Prisma } from "./generated/client";
import { aggregatorProviderIds } from "./decisionRepository";
import { RULE_JOIN, RULE_TEXT } from "./decisionRuleRepository";
import { keysetRows, type KeysetRows, type KeysetWindow } from "./keysetQuery";
import { prefixPattern, utc } from "./sqlText";

export type EntityType = $Enums.EntityType;
/** A stored decision with its rule's words (the row holds their DecisionRule id). */
export type DecisionRow = Omit<Prisma.FieldDecisionModel, "ruleId"> & { rule: string };

/** A fact with the URI and format of the document that states it. */
export type CandidateRow = Prisma.FactModel & { source: Pick<Prisma.SourceModel, "uri" | "format"> };

export interface EntityRef {
  entityType: EntityType;
  entityId: string;
}

export interface FieldRef extends EntityRef {
  field: string;
}

/** Which conflicts a page lists (see ProvenanceService.conflicts). */
export interface ConflictCriteria {
  entityType?: EntityType;
  /** Matched without regard to case. */
  entityId?: string;
  /** A field name, or a prefix ending in "." ("price."). */
  field?: string;
  /** true: decided by an override; false: by a document; absent: both. */
  resolved?: boolean;
}

/**
 * Facts and the decisions made from them: provenance, conflicts, and what an admin's edit reads of them.
 * Reads of many entities are one statement per batch, never one per entity.
 */
export class ProvenanceRepository {
  constructor(private readonly sql: SqlSession) {}

  // The batched reads below are raw SQL, one statement per batch joining a jsonb recordset of the
  // entities (or fields) to the table. Measured on the seeded catalog (PGlite, 5 runs each), raw against
  // the Prisma client's findMany (an entity-type filter with an id list, facts ordered by their source's
  // URI): 1 model 2.6 ms against 25-29 ms, 1 offering 2.4 against 9-13, 25 models 23 against 45,
  // 100 models 190-225 against 270-280, 400 models 630-670 against 870-940. A model's page reads its
  // provenance with one entity, so the client's fixed cost is most of what it would wait.

  /**
   * Every stored decision of these entities. A field its only document decides has none: the caller
   * derives it from the field's fact (catalog/provenance/impliedDecisions.ts).
   */
  async decisionsOf(entities: readonly EntityRef[]): Promise<DecisionRow[]> {
    if (entities.length === 0) return [];
    const rows = await this.sql.query<RawDecision>(
      `SELECT ${DECISION_COLUMNS} FROM ${ENTITY_RECORDSET} JOIN "FieldDecision" d ON d."entityType" = v."entityType" AND d."entityId" = v."entityId" ${RULE_JOIN}`,
      [JSON.stringify(entities.map(({ entityType, entityId }) => ({ entityType, entityId })))],
    );
    return rows.map(toDecision);
  }

  /** Every fact of these entities with its document, by the document's URI. */
  async factsOf(entities: readonly EntityRef[]): Promise<CandidateRow[]> {
    if (entities.length === 0) return [];
    const rows = await this.sql.query<RawCandidate>(
      `SELECT ${CANDIDATE_COLUMNS}
         FROM ${ENTITY_RECORDSET} JOIN "Fact" f ON f."entityType" = v."entityType" AND f."entityId" = v."entityId" JOIN "Source" s ON s.id = f."sourceId"
        ORDER BY s.uri`,
      [JSON.stringify(entities.map(({ entityType, entityId }) => ({ entityType, entityId })))],
    );
    return rows.map(toCandidate);
  }

  /** Every fact of these fields with its document, by the document's URI. */
  async factsOfFields(fields: readonly FieldRef[]): Promise<CandidateRow[]> {
    if (fields.length === 0) return [];
    const rows = await this.sql.query<RawCandidate>(
      `SELECT ${CANDIDATE_COLUMNS}
         FROM jsonb_to_recordset($1::jsonb) AS v("entityType" "EntityType", "entityId" text, field text)
         JOIN "Fact" f ON f."entityType" = v."entityType" AND f."entityId" = v."entityId" AND f.field = v.field
         JOIN "Source" s ON s.id = f."sourceId" ORDER BY s.uri`,
      [JSON.stringify(fields.map(({ entityType, entityId, field }) => ({ entityType, entityId, field })))],
    );
    return rows.map(toCandidate);
  }

  // What an admin's write reads of a field, on the write's transaction (see catalogRecordRepository.ts
  // for why that is raw SQL on its SqlSession).

  /** The value of a fact, when it is a candidate of this field; undefined otherwise. */
  async candidateValue(tx: SqlSession, factId: string, { entityType, entityId, field }: FieldRef): Promise<{ value: unknown } | undefined> {
    const [fact] = await tx.query<{ value: unknown }>(`SELECT value FROM "Fact" WHERE id = $1 AND "entityType" = $2::"EntityType" AND "entityId" = $3 AND field = $4`, [
      factId,
      entityType,
      entityId,
      field,
    ]);
    return fact;
  }

  /** Whether the field has a decision (some document or admin stated it): a stored one, or a fact, which its only document's decision is. */
  async isDecided(tx: SqlSession, { entityType, entityId, field }: FieldRef): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM "FieldDecision" WHERE "entityType" = $1::"EntityType" AND "entityId" = $2 AND field = $3
       UNION ALL SELECT 1 FROM "Fact" WHERE "entityType" = $1::"EntityType" AND "entityId" = $2 AND field = $3 LIMIT 1`,
      [entityType, entityId, field],
    );
    return rows.length > 0;
  }

  /**
   * The decided value of each field of an entity: the stored decisions, and for a field without one, the
   * value of its only fact (a field stated by more than one document always has a stored decision).
   */
  async decidedValues(tx: SqlSession, { entityType, entityId }: EntityRef): Promise<Map<string, unknown>> {
    const rows = await tx.query<{ field: string; chosenValue: unknown }>(
      `SELECT field, "chosenValue" FROM "FieldDecision" WHERE "entityType" = $1::"EntityType" AND "entityId" = $2
       UNION ALL
       SELECT f.field, f.value FROM "Fact" f WHERE f."entityType" = $1::"EntityType" AND f."entityId" = $2
          AND NOT EXISTS (SELECT 1 FROM "FieldDecision" d WHERE d."entityType" = f."entityType" AND d."entityId" = f."entityId" AND d.field = f.field)`,
      [entityType, entityId],
    );
    return new Map(rows.map((r) => [r.field, r.chosenValue]));
  }

  /** The providers some document calls aggregators (a document's role for a record depends on it). */
  aggregatorProviderIds(): Promise<Set<string>> {
    return aggregatorProviderIds(this.sql);
  }

  /**
   * A window of the decisions with a conflict, ordered by entity type (by its name), entity id and field.
   * Raw SQL: Prisma orders an enum by its declaration and cannot compare one with `>`, which a keyset
   * boundary needs; the order by name is the one cursors already given out encode.
   */
  async conflictWindow(criteria: ConflictCriteria, window: KeysetWindow): Promise<KeysetRows<DecisionRow>> {
    const params: unknown[] = [];
    const where = [`d."hasConflict"`];
    if (criteria.entityType) {
      params.push(criteria.entityType);
      where.push(`d."entityType" = $${params.length}::"EntityType"`);
    }
    if (criteria.entityId !== undefined) {
      params.push(criteria.entityId.toLowerCase());
      where.push(`lower(d."entityId") = $${params.length}`);
    }
    if (criteria.field) {
      const prefix = criteria.field.endsWith(".");
      params.push(prefix ? prefixPattern(criteria.field) : criteria.field);
      where.push(prefix ? `d.field LIKE $${params.length}` : `d.field = $${params.length}`);
    }
    if (criteria.resolved != null) where.push(criteria.resolved ? `d."chosenFactId" IS NULL` : `d."chosenFactId" IS NOT NULL`);
    const page = await keysetRows<RawDecision>(
      this.sql,
      {
        select: DECISION_COLUMNS,
        from: `FROM "FieldDecision" d ${RULE_JOIN}`,
        where,
        params,
        keys: [
          { expr: `d."entityType"::text`, sqlType: "text", direction: "ASC" },
          { expr: `d."entityId"`, sqlType: "text", direction: "ASC" },
          { expr: "d.field", sqlType: "text", direction: "ASC" },
        ],
      },
      window,
    );
    return { ...page, rows: page.rows.map(({ node, keys }) => ({ node: toDecision(node), keys })) };
  }
}

type RawDecision = Omit<DecisionRow, "decidedAt"> & { decidedAt: string };
type RawCandidate = Omit<CandidateRow, "observedAt" | "source"> & { observedAt: string; uri: string; format: CandidateRow["source"]["format"] };

const ENTITY_RECORDSET = `jsonb_to_recordset($1::jsonb) AS v("entityType" "EntityType", "entityId" text)`;

/** FieldDecision d's columns, as a DecisionRow but for the instant (UTC text, whatever the driver's time zone). */
const DECISION_COLUMNS = `d."entityType"::text AS "entityType", d."entityId", d.field, d."chosenValue", d."chosenFactId", ${RULE_TEXT}, d."hasConflict",
  COALESCE(d."derivedFrom", '{}') AS "derivedFrom", ${utc('d."decidedAt"')} AS "decidedAt"`;

/** Fact f's columns and its Source s's URI and format. */
const CANDIDATE_COLUMNS = `f.id, f."entityType"::text AS "entityType", f."entityId", f.field, f.value, f."rawValue", f.precision, f.step, f.locator,
  f."sourceId", ${utc('f."observedAt"')} AS "observedAt", s.uri, s.format::text AS format`;

function toDecision(row: RawDecision): DecisionRow {
  return { ...row, decidedAt: new Date(row.decidedAt) };
}

function toCandidate({ uri, format, observedAt, ...fact }: RawCandidate): CandidateRow {
  return { ...fact, observedAt: new Date(observedAt), source: { uri, format } };
}
