import type { ParsedDocument, ParseIssue, Stated } from "../../ingest/observation";
import { isDecimalText, isIsoDay } from "../../ingest/units";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import type { ModelNameContext } from "../identity/modelIdentity";
import type { ModelIdentityIndex } from "../identity/modelIdentityIndex";
import { modelNameContext, type NamingDocument } from "../identity/documentModelNames";
import type { EntityType } from "../reconcile/precedence";
import { priceAmountIssue } from "./priceAmount";

/** One value a document states about one field of one entity, ready to store as a Fact. */
export interface FactRow {
  entityType: EntityType;
  entityId: string;
  field: string;
  value: unknown;
  rawValue: string | null;
  precision: string | null;
  step: number | null;
  locator: string;
}

export interface OfferingStub {
  id: string;
  providerId: string;
  modelId: string;
  providerModelId: string;
}

export interface BenchmarkRow {
  modelId: string;
  name: string;
  score: string;
  unit: string | null;
}

/** One field of one entity. */
export interface FieldKey {
  entityType: EntityType;
  entityId: string;
  field: string;
}

/** What one document contributes: its facts, and the entities and names they need to exist. */
export interface DocumentContent {
  facts: FactRow[];
  /**
   * Fields the document states with a value the catalog cannot hold (each with an issue): what the
   * document said of them before stays, so that a bad new value changes nothing.
   */
  withheld: FieldKey[];
  /** The values left out, as the import report shows them. */
  issues: ParseIssue[];
  authorIds: Set<string>;
  providerIds: Set<string>;
  modelIds: Set<string>;
  offerings: Map<string, OfferingStub>;
  aliases: Map<string, string>;
  benchmarks: BenchmarkRow[];
}

/** The id of a provider's offering of a model: the provider and the provider's own id for it. */
export function offeringId(providerId: string, providerModelId: string): string {
  return `${providerId}:${providerModelId}`;
}

/** The Fact field a price is stored under; the loader turns decided ones back into Price rows. */
export function priceField(p: { kind: string; unit: string; mode: string; contextAbove: number }): string {
  return `price.${p.kind}.${p.unit}.${p.mode}.${p.contextAbove}`;
}

/**
 * The facts a parsed document states, keyed to catalog ids: models through `identity` (which learns
 * the names it resolves), authors and providers through their synonym tables. A field a document
 * states twice keeps its first statement. A price the catalog cannot hold is an issue, and its field is
 * withheld: the loader keeps what the document said of it before.
 */
export function documentContent(source: NamingDocument, identity: ModelIdentityIndex): DocumentContent {
  const doc: ParsedDocument = source.parsed;
  const content: DocumentContent = {
    facts: [],
    withheld: [],
    issues: [],
    authorIds: new Set(),
    providerIds: new Set(),
    modelIds: new Set(),
    offerings: new Map(),
    aliases: new Map(),
    benchmarks: [],
  };
  const seen = new Set<string>();
  const add = (entityType: EntityType, entityId: string, field: string, stated: Stated<unknown> | undefined, value: unknown = stated?.value) => {
    if (!stated || value === undefined || value === null) return;
    const key = factKey(entityType, entityId, field);
    if (seen.has(key)) return;
    seen.add(key);
    content.facts.push({
      entityType,
      entityId,
      field,
      value,
      rawValue: stated.raw ?? null,
      precision: stated.precision ?? null,
      step: stated.step ?? null,
      locator: stated.locator,
    });
  };
  const addAll = (entityType: EntityType, entityId: string, fields: object) => {
    for (const [field, stated] of Object.entries(fields) as [string, Stated<unknown> | undefined][]) add(entityType, entityId, field, stated);
  };

  for (const author of doc.authors) {
    const id = canonicalAuthorId(author.id);
    content.authorIds.add(id);
    const { id: _id, ...fields } = author;
    addAll("AUTHOR", id, fields);
  }
  for (const provider of doc.providers) {
    const id = canonicalProviderId(provider.id);
    content.providerIds.add(id);
    const { id: _id, ...fields } = provider;
    addAll("PROVIDER", id, fields);
  }

  const modelIdOf = (ref: string, authorId: string | undefined, aliases: string[], context: ModelNameContext) => {
    const id = identity.resolve(ref, authorId, aliases, context);
    content.modelIds.add(id);
    // The ids the name would have had on its own, under these rules and the first edition's
    // ("meta/llama-3.1-70b" → "llama-3.1-70b", "openai/gpt-oss-20b:free" → "gpt-oss-20b:free"), are aliases
    // too where no other model holds them: ids once published keep resolving.
    const ownIds = identity.ownIdsOf(ref, authorId, context);
    for (const ownId of ownIds) if (ownId !== id && identity.modelForName(ownId) === undefined) identity.alias(ownId, id);
    const own = ownIds.filter((ownId) => identity.modelForName(ownId) === id);
    for (const name of [ref, ...aliases, ...own]) {
      // A router's bare name ("auto") is every router's: it names none of them.
      if (ownIds.length === 0 && !name.includes("/")) continue;
      const alias = name.trim().toLowerCase();
      if (alias !== id) content.aliases.set(alias, id);
    }
    return id;
  };

  for (const model of doc.models) {
    const authorId = model.authorId ? canonicalAuthorId(model.authorId.value) : undefined;
    const id = modelIdOf(model.ref, authorId, model.aliases, modelNameContext(source));
    if (authorId && model.authorId) {
      content.authorIds.add(authorId);
      add("MODEL", id, "authorId", model.authorId, authorId);
    }
    // A snapshot document the identity rules made an alias of its model states the model's facts, but its
    // wording (its own name and description) is the snapshot's; it records which dated release it is.
    const snapshot = identity.snapshotMergedAs(model.ref);
    if (snapshot) {
      const { name: _name, description: _description, snapshot: _snapshot, ...facts } = model.fields;
      addAll("MODEL", id, facts);
      add("MODEL", id, "snapshot", { value: snapshot.date, locator: "", raw: model.ref });
    } else addAll("MODEL", id, model.fields);
    for (const [key, stated] of Object.entries(model.capabilities)) add("MODEL", id, `capability.${key}`, stated);
    for (const b of (model.benchmarks ?? []).filter((b) => isDecimalText(b.score))) content.benchmarks.push({ modelId: id, name: b.name, score: b.score, unit: b.metric ?? null });
  }

  // A price is known from the day its document last saw the model change (or listed it): the day its
  // history starts when the catalog first learns it.
  const datedBy = new Map<string, string>();
  for (const model of doc.models) {
    const day = isoDay(model.fields.lastUpdated?.value ?? model.fields.releaseDate?.value);
    if (day) datedBy.set(model.ref, day);
  }

  const offeringContext = modelNameContext(source);
  const modelsByRef = new Map(doc.models.map((m) => [m.ref, m]));
  for (const offering of doc.offerings) {
    const providerId = canonicalProviderId(offering.providerId);
    const since = datedBy.get(offering.modelRef);
    const modelId = modelIdOf(offering.modelRef, undefined, [], offeringContext);
    const id = offeringId(providerId, offering.providerModelId);
    content.providerIds.add(providerId);
    if (!content.offerings.has(id)) content.offerings.set(id, { id, providerId, modelId, providerModelId: offering.providerModelId });
    addAll("OFFERING", id, offering.fields);
    for (const [key, stated] of Object.entries(offering.capabilities)) add("OFFERING", id, `capability.${key}`, stated);
    // What a provider's file says of a model's capabilities and modalities it says of its own offering
    // too: where the model's author's documents outrank it, its differing flag or list is a fact about
    // the offering (shown on it), not a conflict of the model. The author's own API's file speaks for the
    // model itself.
    const restated = modelsByRef.get(offering.modelRef);
    const author = restated?.authorId ? canonicalAuthorId(restated.authorId.value) : identity.authorOf(modelId);
    if (restated && author !== providerId && canonicalAuthorId(providerId) !== author) {
      for (const [key, stated] of Object.entries(restated.capabilities)) add("OFFERING", id, `capability.${key}`, stated);
      add("OFFERING", id, "inputModalities", restated.fields.inputModalities);
      add("OFFERING", id, "outputModalities", restated.fields.outputModalities);
    }
    for (const price of offering.prices) {
      const field = priceField(price);
      // Every format's prices pass here on their way to becoming facts: the one place their amounts are
      // checked against what the catalog can hold. Parsers have already left out what is not a number.
      const problem = priceAmountIssue(price.amount);
      if (problem) {
        if (seen.has(factKey("OFFERING", id, field))) continue;
        seen.add(factKey("OFFERING", id, field));
        content.withheld.push({ entityType: "OFFERING", entityId: id, field });
        content.issues.push({ ...problem, message: `${problem.message}; left out, so offering ${id} keeps the price it had`, locator: price.locator });
        continue;
      }
      add("OFFERING", id, field, { value: null, locator: price.locator, raw: price.raw }, { amount: price.amount, currency: price.currency, ...(since ? { since } : {}) });
    }
  }
  return content;
}

function factKey(entityType: EntityType, entityId: string, field: string): string {
  return `${entityType}\u0000${entityId}\u0000${field}`;
}

/** "2025-04-14" or "2025-04" (its first day) as an ISO day; undefined for anything else. */
function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const day = /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
  return isIsoDay(day) ? day : undefined;
}
