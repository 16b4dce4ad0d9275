import type { CatalogRecordRepository } from "../../db/catalogRecordRepository";
import type { Database, SqlSession } from "../../db/database";
import type { FieldOverrideRepository } from "../../db/fieldOverrideRepository";
import type { ProvenanceRepository } from "../../db/provenanceRepository";
import { capabilityKey } from "../../ingest/capabilityVocabulary";
import { CAPABILITY_LEVELS, isOneOf } from "../../ingest/observation";
import { DATE_RANGE, isIsoDay } from "../../ingest/units";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import { applyColumns } from "../load/applyColumns";
import { offeringId as makeOfferingId } from "../load/documentFacts";
import { columnFields, fieldAccepts, isDateField } from "../load/entityColumns";
import { refreshDecisions } from "../load/refreshDecisions";
import { deriveChangedModelLimits } from "../load/deriveModelLimits";
import { syncCapabilities } from "../load/syncCapabilities";
import { entityKey } from "../load/syncFacts";
import type { EntityType } from "../reconcile/precedence";
import type { CatalogChanges } from "../readModel/catalogChanges";
import type { CapabilityLevel } from "../views";
import type { Actor } from "./actor";
import { auditEvents, type AuditEntry } from "./auditTrail";
import type { AuditRepository } from "../../db/auditRepository";


/** The days a date may be, as messages state them. */
const DAY_RANGE = `from ${DATE_RANGE.firstDay} to ${DATE_RANGE.lastDay}`;

/** Field values an admin sets: a value overrides the documents, null hands the field back to them. */
export type FieldEdits = Record<string, unknown>;

export interface RecordEdit {
  /** The version the admin read; a different current version is a ConflictError. */
  expectedVersion?: number | null;
  reason?: string | null;
}

/** The repositories a record write reads and writes through, all on the write's transaction. */
export interface RecordWriteRepositories {
  records: CatalogRecordRepository;
  overrides: FieldOverrideRepository;
  provenance: ProvenanceRepository;
  audit: AuditRepository;
}

/**
 * Admins' edits of models, providers, offerings and capabilities, and their answers to conflicts. Every
 * edit is an override of a field (it outranks every document and survives re-seeding), decided and
 * written like a document's value, audited in the same transaction.
 */
export class RecordWriteService {
  private readonly records: CatalogRecordRepository;
  private readonly overrides: FieldOverrideRepository;
  private readonly provenance: ProvenanceRepository;
  private readonly audit: AuditRepository;

  constructor(
    private readonly database: Database,
    private readonly changes: CatalogChanges,
    repositories: RecordWriteRepositories,
  ) {
    ({ records: this.records, overrides: this.overrides, provenance: this.provenance, audit: this.audit } = repositories);
  }

  /**
   * Runs a record write in one transaction that also announces it on the catalog's bus; once committed,
   * this instance's read model is rebuilt before the write returns, so the editor reads their own edit.
   */
  private async write<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const result = await this.database.sql.transaction(async (tx) => {
      const value = await work(tx);
      await this.changes.announce(tx, { kind: "records" });
      return value;
    });
    await this.changes.applied({ kind: "records" });
    return result;
  }

  /** Creates a model (a name is then required) or edits one. Returns the model's id. */
  async upsertModel(id: string, fields: FieldEdits, edit: RecordEdit, actor: Actor): Promise<string> {
    const modelId = requireId(id, "input.id").toLowerCase();
    if (fields.authorId) fields = { ...fields, authorId: canonicalAuthorId(String(fields.authorId)) };
    return this.write(async (tx) => {
      const created = await this.ensureRow(tx, "MODEL", modelId, fields, (name) => this.records.createModel(tx, { id: modelId, name }));
      if (fields.authorId) await this.records.ensureAuthor(tx, String(fields.authorId));
      await this.edit(tx, "MODEL", modelId, fields, edit, actor, created ? "createModel" : "updateModel");
      return modelId;
    });
  }

  async upsertProvider(id: string, fields: FieldEdits, edit: RecordEdit, actor: Actor): Promise<string> {
    const providerId = canonicalProviderId(requireId(id, "input.id"));
    return this.write(async (tx) => {
      const created = await this.ensureRow(tx, "PROVIDER", providerId, fields, (name) => this.records.createProvider(tx, { id: providerId, name }));
      await this.edit(tx, "PROVIDER", providerId, fields, edit, actor, created ? "createProvider" : "updateProvider");
      return providerId;
    });
  }

  /** Creates the offering of `modelId` by `providerId` under the provider's own id for it, or edits it. */
  async upsertOffering(providerId: string, providerModelId: string, modelId: string | null | undefined, fields: FieldEdits, edit: RecordEdit, actor: Actor): Promise<string> {
    const provider = canonicalProviderId(requireId(providerId, "input.providerId"));
    const id = makeOfferingId(provider, requireId(providerModelId, "input.providerModelId"));
    return this.write(async (tx) => {
      const existing = await this.records.exists(tx, "OFFERING", id);
      if (!existing) {
        if (!modelId) throw new ValidationError("input.modelId is required to create an offering", "input.modelId");
        const model = await this.findModelId(tx, modelId);
        if (!model) throw new ValidationError(`input.modelId: no model with id "${modelId}"`, "input.modelId");
        if (!(await this.records.exists(tx, "PROVIDER", provider))) {
          throw new ValidationError(`input.providerId: no provider with id "${providerId}"; create it with upsertProvider first`, "input.providerId");
        }
        await this.records.createOffering(tx, { id, providerId: provider, modelId: model, providerModelId: providerModelId.trim() });
      }
      await this.edit(tx, "OFFERING", id, fields, edit, actor, existing ? "updateOffering" : "createOffering");
      return id;
    });
  }

  /** Sets (or, with null, hands back to the documents) a capability of a model or an offering. */
  async setCapability(entityType: "MODEL" | "OFFERING", id: string, key: string, level: CapabilityLevel | null, edit: RecordEdit, actor: Actor): Promise<void> {
    const flag = capabilityKey(key);
    if (!flag) throw new ValidationError("key must name a capability, e.g. tool_calls", "key");
    if (level !== null && !isOneOf(CAPABILITY_LEVELS, level)) throw new ValidationError("level must be SUPPORTED, NOT_SUPPORTED or CORE", "level");
    await this.write((tx) => this.edit(tx, entityType, id, { [`capability.${flag}`]: level }, edit, actor, "setCapability"));
  }

  /** Retires a model: a lifecycle change (status RETIRED and the date), never a delete. */
  async retireModel(id: string, retirementDate: string | null | undefined, edit: RecordEdit, actor: Actor): Promise<string> {
    const date = retirementDate ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDay(date)) throw new ValidationError(`retirementDate must be a date like 2026-01-31 ${DAY_RANGE}, got "${date}"`, "retirementDate");
    return this.write(async (tx) => {
      const modelId = await this.findModelId(tx, id);
      if (!modelId) throw new NotFoundError("model", id);
      await this.edit(tx, "MODEL", modelId, { status: "RETIRED", retirementDate: date }, edit, actor, "retireModel");
      return modelId;
    });
  }

  /**
   * Settles a field that sources disagree on: the admin picks one candidate (`factId`) or enters a value,
   * with a reason. Stored as an override, so it outranks every document and survives re-seeding.
   */
  async resolveConflict(entityType: EntityType, entityId: string, field: string, choice: { factId?: string | null; value?: unknown }, edit: RecordEdit, actor: Actor): Promise<void> {
    const hasFact = choice.factId != null;
    const hasValue = choice.value !== undefined && choice.value !== null;
    if (hasFact === hasValue) throw new ValidationError("Pass exactly one of factId (a candidate to keep) and value (a value of your own)", hasFact ? "value" : "factId");
    if (!edit.reason?.trim()) throw new ValidationError("reason is required: say why this value is right", "reason");
    await this.write(async (tx) => {
      let value = choice.value;
      if (hasFact) {
        const fact = await this.provenance.candidateValue(tx, String(choice.factId), { entityType, entityId, field });
        if (!fact) throw new ValidationError(`factId "${choice.factId}" is not a candidate of ${entityType} ${entityId} ${field}`, "factId");
        value = fact.value;
      }
      if (!(await this.provenance.isDecided(tx, { entityType, entityId, field }))) throw new NotFoundError("field decision", `${entityType} ${entityId} ${field}`);
      await this.edit(tx, entityType, entityId, { [field]: value }, edit, actor, "resolveConflict");
    });
  }

  private async edit(tx: SqlSession, entityType: EntityType, id: string, fields: FieldEdits, edit: RecordEdit, actor: Actor, action: string): Promise<void> {
    const version = await this.records.lockVersion(tx, entityType, id);
    if (version === undefined) throw new NotFoundError(entityType.toLowerCase(), id);
    if (edit.expectedVersion != null && edit.expectedVersion !== version) {
      throw new ConflictError(`${entityType.toLowerCase()} "${id}" was changed since you read it (it is at version ${version}, you sent ${edit.expectedVersion}); read it again and retry`);
    }
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    for (const [field, value] of entries) validateField(entityType, field, value);
    const key = entityKey(entityType, id);
    const before = await this.provenance.decidedValues(tx, { entityType, entityId: id });
    const reason = edit.reason?.trim() || `set by ${actor.name}`;
    for (const [field, value] of entries) {
      if (value === null) await this.overrides.delete(tx, entityType, id, field);
      else await this.overrides.upsert(tx, { entityType, entityId: id, field, value, reason, apiKeyId: actor.apiKeyId });
    }
    const decisions = await refreshDecisions(tx, [key]);
    await applyColumns(tx, entityType, [id], decisions);
    if (entityType === "MODEL" || entityType === "OFFERING") await syncCapabilities(tx, entityType, [id], decisions);
    // Re-deciding dropped the model's derived limits with the rest; an offering's limit may be what one is derived from.
    if (entityType === "MODEL" || entityType === "OFFERING") await deriveChangedModelLimits(tx, entityType === "MODEL" ? { models: [id], offerings: [] } : { models: [], offerings: [id] });
    const after = decisions.get(key) ?? new Map();
    const audit: AuditEntry[] = entries.map(([field]) => ({ action, entityType, entityId: id, field, before: before.get(field) ?? null, after: after.get(field)?.value ?? null }));
    if (audit.length === 0) audit.push({ action, entityType, entityId: id });
    await this.audit.append(tx, auditEvents(actor, audit));
  }

  /** Makes sure the record exists, creating it (a name is then required); true when it was created. */
  private async ensureRow(tx: SqlSession, entityType: EntityType, id: string, fields: FieldEdits, create: (name: string) => Promise<void>): Promise<boolean> {
    if (await this.records.exists(tx, entityType, id)) return false;
    if (typeof fields.name !== "string" || fields.name.trim() === "") throw new ValidationError(`input.name is required to create a ${entityType.toLowerCase()}`, "input.name");
    await create(fields.name);
    return true;
  }

  /** The id of the model a name (its id or an alias, any case) stands for; undefined if none. */
  private findModelId(tx: SqlSession, name: string): Promise<string | undefined> {
    return this.records.findModelId(tx, name.trim().toLowerCase());
  }
}

function requireId(value: string | null | undefined, field: string): string {
  const id = value?.trim();
  if (!id) throw new ValidationError(`${field} is required`, field);
  if (id.length > 200) throw new ValidationError(`${field} is longer than 200 characters`, field);
  return id;
}

function validateField(entityType: EntityType, field: string, value: unknown): void {
  if (value === null) return;
  if (field.startsWith("capability.")) {
    if (!isOneOf(CAPABILITY_LEVELS, value)) throw new ValidationError(`${field} must be SUPPORTED, NOT_SUPPORTED or CORE`, field);
    return;
  }
  if (field.startsWith("price.")) throw new ValidationError("Prices are set with updatePrice, which keeps their history", field);
  if (!columnFields(entityType).includes(field)) throw new ValidationError(`${entityType.toLowerCase()} has no field "${field}"`, field);
  if (!fieldAccepts(entityType, field, value)) {
    const expected = isDateField(entityType, field) ? `; give a date like 2025-04-14 (or 2025-04, 2025) ${DAY_RANGE}` : "";
    throw new ValidationError(`${field} does not accept ${JSON.stringify(value)}${expected}`, field);
  }
}
