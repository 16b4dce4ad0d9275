import crypto from "node:crypto";
import type { Database, SqlSession } from "../../db/database";
import { aggregatorFacts, type FactWithSource } from "../../db/decisionRepository";
import { factsOfSources, writeFactChanges, type FactRecord } from "../../db/factRepository";
import { authorIds, conflictCount, deferLoadChecks, identityNames, insertStubs, modelsStatedByProviderFiles, sourcesByUri, writeBenchmarks, writeSources, type BenchmarkRecord } from "../../db/loadRepository";
import { CAPABILITIES } from "../../ingest/capabilityVocabulary";
import type { FormatRegistry } from "../../ingest/formatRegistry";
import type { ParsedDocument } from "../../ingest/observation";
import { announceChange } from "../readModel/changeAnnouncements";
import { ModelIdentityIndex } from "../identity/modelIdentityIndex";
import { resolveDocumentModelNames } from "../identity/documentModelNames";
import { deriveChangedModelLimits } from "./deriveModelLimits";
import type { EntityType, SourceFormat } from "../reconcile/precedence";
import { applyColumns } from "./applyColumns";
import { idsOfType, readBatch } from "./batchReads";
import { loadOrder } from "./loadOrder";
import { documentContent, type DocumentContent } from "./documentFacts";
import { emptyLoadReport, type LoadReport } from "./loadReport";
import { CarriedFacts } from "./carriedFacts";
import { refreshDecisions, type KnownFacts } from "./refreshDecisions";
import { syncCapabilities, writeCapabilityDefinitions } from "./syncCapabilities";
import { compareFacts, entityKey, type EntityKey } from "./syncFacts";
import { syncPrices, type PriceChange } from "./syncPrices";
import { PriceWriter } from "../prices/priceWriter";
import { issueWrite, QueuedWrites } from "../../db/queuedWrites";
import { issueStatements, restoreStatements } from "../../db/bulkLoadChecks";

/** A parsed document with what identifies it as a source. */
export interface SourceDocument {
  /** Its path under the seed folder (or a name given to a pasted document); unique per document. */
  uri: string;
  format: SourceFormat;
  title?: string;
  /** SHA-256 of the bytes read, hex: an unchanged hash means nothing to load. */
  contentHash: string;
  sizeBytes: number;
  parsed: ParsedDocument;
}

export interface LoadProgress {
  /** The group of documents being loaded, e.g. "MODELS_DEV". */
  group: string;
  step: string;
}

/** Records decided per round trip; see loadGroupWith. */
const DECISION_BATCH = 1000;
const TYPE_ORDER: EntityType[] = ["AUTHOR", "PROVIDER", "MODEL", "OFFERING"];
const typeRank = (key: string) => TYPE_ORDER.indexOf(key.slice(0, key.indexOf(" ")) as EntityType);
/** Records by type (authors first), then by key in code unit order: any fixed order would do, and this one costs no allocation per comparison. */
const byEntityType = (a: string, b: string) => typeRank(a) - typeRank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** This process on the change bus when it is not a server (`npm run import`, `npm run seed`). */
const IMPORT_ORIGIN = `import:${process.pid}:${crypto.randomUUID()}`;

/**
 * Loads documents into the catalog, one transaction per format: a group either lands whole or not at
 * all. Documents whose hash is unchanged are skipped; for the rest, their facts replace what they said
 * before, and every entity whose facts changed is decided afresh (columns, capabilities, prices with
 * history). Loading the same documents twice changes nothing the second time.
 */
export async function loadDocuments(
  database: Database,
  documents: SourceDocument[],
  options: {
    now?: Date;
    onProgress?: (progress: LoadProgress) => void;
    /** Runs last inside each group's transaction (an audit record of the import commits with it). */
    beforeCommit?: (tx: SqlSession, documents: SourceDocument[]) => Promise<void>;
    /** Who loads, on the catalog's change bus: a server instance skips what it announced itself. */
    origin?: string;
    /** Who loads, as `priceChanged` subscribers see it. */
    actorName?: string | null;
    /** The formats, whose load ranks order the groups (see loadOrder); the application's by default. */
    formats?: FormatRegistry;
    /**
     * Groups whose documents are not parsed yet: each is read when the load first has the time, while
     * the database finishes the writes of a group before it (the main thread would only wait), or else
     * when its turn comes. A seed parses Starmap's, Foundry's and OpenRouter's documents during
     * models.dev's last writes.
     */
    later?: { format: SourceFormat; read: () => SourceDocument[] }[];
  } = {},
): Promise<LoadReport> {
  const report = emptyLoadReport();
  let changes = new ChangeTracker();
  const now = options.now ?? new Date();
  const carried = new CarriedFacts(now);
  const groups = new Map<SourceFormat, SourceDocument[]>();
  const addToGroups = (docs: readonly SourceDocument[]) => {
    for (const doc of [...docs].sort((a, b) => a.uri.localeCompare(b.uri))) {
      const list = groups.get(doc.format) ?? [];
      list.push(doc);
      groups.set(doc.format, list);
    }
  };
  addToGroups(documents);
  const unread = new Map((options.later ?? []).map((group) => [group.format, group.read]));
  const readLater = () => {
    for (const [format, read] of unread) {
      unread.delete(format);
      addToGroups(read());
    }
  };
  for (const format of loadOrder(new Set([...groups.keys(), ...unread.keys()]), options.formats)) {
    if (unread.has(format)) readLater();
    const group = groups.get(format);
    if (!group) continue;
    const tally = await database.sql.transaction(async (tx) => {
      // A transaction PostgreSQL rolls back for a deadlock is run again (see SqlSession.transaction), so
      // each run counts into a tally of its own, and only the run that commits is kept.
      const run: GroupTally = { documents: { loaded: 0, unchanged: 0 }, changes: changes.copy(), issues: [] };
      const loaded = await loadGroup(tx, group, run, now, carried, (step) => options.onProgress?.({ group: format, step }), readLater);
      await options.beforeCommit?.(tx, group);
      // Running servers (every instance on this database) rebuild their read models when this commits.
      if (loaded.documents > 0) await announceChange(tx, options.origin ?? IMPORT_ORIGIN, { kind: "documents", priceSlots: loaded.priceSlots, actorName: options.actorName ?? null });
      return run;
    });
    report.documents.loaded += tally.documents.loaded;
    report.documents.unchanged += tally.documents.unchanged;
    report.issues.push(...tally.issues);
    changes = tally.changes;
    if (tally.facts) carried.add(tally.facts.sourceIds, tally.facts.byEntity);
  }
  changes.countInto(report);
  report.conflicts = await conflictCount(database.sql);
  return report;
}

type EntityChange = "created" | "updated" | "unchanged";

/** What one run of a group's transaction counted. */
interface GroupTally {
  documents: { loaded: number; unchanged: number };
  changes: ChangeTracker;
  issues: LoadReport["issues"];
  /** The group's facts as stored, for the groups after it (CarriedFacts), once it commits. */
  facts?: GroupFacts;
}

/**
 * What the import did to each entity and price slot, over all its groups: a model created by one group
 * and refined by the next was created; a price opened and replaced within the import was created once.
 */
class ChangeTracker {
  readonly entities: Record<EntityType, Map<string, EntityChange>> = { AUTHOR: new Map(), PROVIDER: new Map(), MODEL: new Map(), OFFERING: new Map() };
  readonly prices = new Map<string, PriceChange>();

  /** A tracker that goes on from this one's counts without changing them. */
  copy(): ChangeTracker {
    const copy = new ChangeTracker();
    for (const type of Object.keys(this.entities) as EntityType[]) for (const [id, change] of this.entities[type]) copy.entities[type].set(id, change);
    for (const [slot, change] of this.prices) copy.prices.set(slot, change);
    return copy;
  }

  entity(type: EntityType, id: string, change: EntityChange): void {
    const before = this.entities[type].get(id);
    if (before === "created" || (before === "updated" && change === "unchanged")) return;
    this.entities[type].set(id, change);
  }

  price(slot: string, change: PriceChange): void {
    const before = this.prices.get(slot);
    if (before === "created") {
      if (change === "closed") this.prices.delete(slot);
      return;
    }
    if (before === "updated" && change !== "closed") return;
    if (before === "closed" && change === "created") change = "updated";
    this.prices.set(slot, change);
  }

  countInto(report: LoadReport): void {
    const targets = { AUTHOR: report.authors, PROVIDER: report.providers, MODEL: report.models, OFFERING: report.offerings };
    for (const type of Object.keys(targets) as EntityType[]) for (const change of this.entities[type].values()) targets[type][change] += 1;
    for (const [slot, change] of this.prices) {
      report.prices[change] += 1;
      if (change === "created" || change === "updated") report.changedPriceSlots.push(slot);
    }
  }
}

/**
 * Loads one group on its transaction. Its bulk writes are left running while it decides the next batch
 * (QueuedWrites): on PostgreSQL the JavaScript and the database work at once. All of them have finished
 * when it returns; if one failed, its error is the one thrown, not that of a later statement the
 * aborted transaction refused.
 */
async function loadGroup(
  tx: SqlSession,
  documents: SourceDocument[],
  tally: GroupTally,
  now: Date,
  carried: CarriedFacts,
  progress: (step: string) => void,
  whileDatabaseWrites: () => void,
): Promise<{ documents: number; priceSlots: string[] }> {
  const writes = new QueuedWrites();
  let loaded: { documents: number; priceSlots: string[] };
  try {
    loaded = await loadGroupWith(tx, documents, tally, now, carried, progress, writes, whileDatabaseWrites);
  } catch (error) {
    await writes.drain();
    throw error;
  }
  await writes.drain();
  return loaded;
}

async function loadGroupWith(
  tx: SqlSession,
  documents: SourceDocument[],
  tally: GroupTally,
  now: Date,
  carried: CarriedFacts,
  progress: (step: string) => void,
  writes: QueuedWrites,
  whileDatabaseWrites: () => void,
): Promise<{ documents: number; priceSlots: string[] }> {
  progress("comparing with what is stored");
  const stored = await sourcesByUri(tx, documents.map((d) => d.uri));
  const storedByUri = new Map(stored.map((s) => [s.uri, s]));
  const changed = documents.filter((d) => storedByUri.get(d.uri)?.contentHash !== d.contentHash);
  tally.documents.unchanged += documents.length - changed.length;
  tally.documents.loaded += changed.length;
  if (changed.length === 0) return { documents: 0, priceSlots: [] };
  const priceSlots: string[] = [];

  progress("resolving identities");
  const namesRead = identityNames(tx);
  // The sources' rows need only the documents: they are written while the identities are resolved, when
  // the database has nothing else to do (0.27 s of a seed's models.dev group it worked alone while the
  // main thread waited). Kept in the queue, so that a failure of either is reported in order.
  const plannedIds = new Map(changed.map((doc) => [doc.uri, storedByUri.get(doc.uri)?.id ?? crypto.randomUUID()]));
  const sourcesWritten = writes.keep(
    writeSources(
      tx,
      changed.map((doc) => ({ id: plannedIds.get(doc.uri)!, format: doc.format, uri: doc.uri, title: doc.title ?? null, contentHash: doc.contentHash, sizeBytes: doc.sizeBytes, importedAt: now.toISOString() })),
    ),
  );
  await issueWrite(writeCapabilityDefinitions(tx, CAPABILITIES, "refresh"), writes);
  const names = await namesRead;
  const identity = new ModelIdentityIndex(names.models, names.aliases, names.parties);
  resolveDocumentModelNames(changed, identity);
  const contents = changed.map((doc) => ({ doc, content: documentContent(doc, identity), sourceId: plannedIds.get(doc.uri)! }));
  for (const { doc, content } of contents) tally.issues.push(...content.issues.map((issue) => ({ ...issue, uri: doc.uri })));

  progress("writing sources and entities");
  // Facts go under the id each source's row has now (see writeSources).
  const sourceIdOf = await sourcesWritten;
  for (const c of contents) c.sourceId = sourceIdOf.get(c.doc.uri) ?? c.sourceId;
  // Which providers documents call aggregators, read before this group's facts change: all of them, and
  // what the rest of the catalog says (the group's own facts complete it below). That read and the one
  // of the sources' stored facts go out before the stub rows, which the database then inserts while the
  // facts are compared (a seed's models.dev stubs: about 0.1 s of the database's).
  const aggregatorsRead = writes.keep(aggregatorFacts(tx));
  const storedFactsRead = writes.keep(
    factsOfSources(
      tx,
      contents.map((c) => c.sourceId),
    ),
  );
  const stubsCreated = writes.keep(createStubs(tx, contents.map((c) => c.content), now));

  progress("comparing facts");
  const groupSources = new Set(contents.map((c) => c.sourceId));
  const aggregatorsSaid = await aggregatorsRead;
  const aggregatorsBefore = new Set(aggregatorsSaid.map((f) => f.providerId));
  const otherAggregators = new Set(aggregatorsSaid.filter((f) => !groupSources.has(f.sourceId)).map((f) => f.providerId));
  const compared = await compareFacts(
    tx,
    contents.map(({ sourceId, content }) => ({ sourceId, facts: content.facts, withheld: content.withheld })),
    storedFactsRead,
  );
  const created = await stubsCreated;
  const { touched, facts } = compared;
  // Into an empty catalog, the indexes and foreign keys of the tables written in bulk are built after
  // the rows (bulkLoadChecks.ts); which ones is read now, before the writes go out without a wait. That
  // read, the authors' ids and the check of the carried facts go out together, answered by the time the
  // offerings are locked.
  const checksRead = writes.keep(deferLoadChecks(tx, compared.changes.inserts.length));
  const authorsRead = writes.keep(authorIds(tx));
  const carriedConfirmed = writes.keep(carried.confirm(tx));
  // A brand-new entity with no facts of its own (an offering named only in a table row) still gets its columns set.
  for (const [type, ids] of Object.entries(created) as [EntityType, Set<string>][]) for (const id of ids) touched.add(entityKey(type, id));
  const aggregators = new Set(otherAggregators);
  for (const f of facts) if (f.entityType === "PROVIDER" && f.field === "kind" && f.value === "AGGREGATOR") aggregators.add(f.entityId);
  // A provider file's role depends on whether its provider is an aggregator (an aggregator's file ranks
  // above a reseller's; nothing else of the provider matters to it), so when a provider becomes one or
  // stops being one, the models its files state are decided again.
  const changedProviders = [...touched]
    .filter((k) => k.startsWith("PROVIDER "))
    .map((k) => k.slice("PROVIDER ".length))
    .filter((id) => aggregatorsBefore.has(id) !== aggregators.has(id));
  if (changedProviders.length > 0) {
    for (const modelId of await modelsStatedByProviderFiles(tx, changedProviders)) touched.add(entityKey("MODEL", modelId));
  }

  const count = (type: EntityType, changedIds: Set<string>, ids: string[]) => {
    for (const id of ids) tally.changes.entity(type, id, created[type].has(id) ? "created" : changedIds.has(id) ? "updated" : "unchanged");
  };
  // Entities are decided and written a batch at a time, so that no query reads every fact of a large
  // data set at once (this keeps the embedded database's memory down), and the event loop gets a turn
  // between two batches: the writes issued so far (a seed's facts alone are 40 MB of statements) reach
  // PostgreSQL's socket only when it does, a kernel buffer at a time. Sampled with 2,500 records a batch
  // and no turn, PostgreSQL sat idle for whole batches while the load decided, then worked 2.7 s after it
  // was done. A seed on PostgreSQL, alternating: 8.32/8.47 s against 7.51/7.76 s (PGlite, whose thread
  // gets its requests without the loop: 9.27/8.99 against 9.63/8.94 s).
  const keys = [...touched].sort(byEntityType);
  // Every offering whose prices may change is locked before anything is decided: admins' price writers
  // lock an offering before they read or change its prices and overrides, and an import that did not
  // would decide from overrides a writer is changing and open a price beside the writer's. One writer
  // for the whole group takes the locks at once, in the order every price writer takes them.
  const prices = await PriceWriter.open(tx, keys.filter((k) => k.startsWith("OFFERING ")).map((k) => k.slice("OFFERING ".length)), writes);
  const [deferredChecks, knownAuthors] = await Promise.all([checksRead, authorsRead, carriedConfirmed]);
  // What deciding need not read: the facts of the group's documents and of those carried, and anything of
  // the records the group created.
  const scope = readScope(contents.map((c) => c.sourceId), carried, created);
  const batches: EntityKey[][] = [];
  for (let start = 0; start < keys.length; start += DECISION_BATCH) batches.push(keys.slice(start, start + DECISION_BATCH));
  // Each batch's reads go out before the writes that precede its turn (batchReads.ts): the first batch's
  // before the facts, each next one's before the writes of the batch before it.
  let readsAhead = batches.length > 0 ? readBatch(tx, batches[0], scope, created, writes) : undefined;
  // The facts are written now, after every read above: the database writes them while the facts are
  // indexed by record and the records decided.
  await issueWrite(issueStatements(tx, deferredChecks.drop), writes);
  await issueWrite(writeFactChanges(tx, compared.changes), writes);
  // Every fact of the group is written by now: the database builds their indexes while the records are
  // decided, not after the last batch, when nothing else would run beside it (0.23 s of a seed's 0.33 s
  // of rebuilds, sampled, with the main thread idle).
  await issueWrite(issueStatements(tx, restoreStatements(deferredChecks, (table) => table === "Fact")), writes);
  const groupFacts = factsByEntity(facts, contents);
  tally.facts = groupFacts;
  const known = knownFacts(scope, groupFacts, carried, aggregators);
  for (const [index, batch] of batches.entries()) {
    const reads = readsAhead!;
    readsAhead = index + 1 < batches.length ? readBatch(tx, batches[index + 1], scope, created, writes) : undefined;
    await new Promise((resolve) => setImmediate(resolve));
    progress(`deciding fields (${index * DECISION_BATCH + batch.length} of ${keys.length} records)`);
    const decisions = await refreshDecisions(tx, batch, { known, writes, inputs: reads.decisions });
    const authors = idsOfType(batch, "AUTHOR");
    count("AUTHOR", await applyColumns(tx, "AUTHOR", authors, decisions, { created: created.AUTHOR, writes, stored: reads.columns.AUTHOR }), authors);
    const providers = idsOfType(batch, "PROVIDER");
    const providerChanges = await applyColumns(tx, "PROVIDER", providers, decisions, {
      // A provider that is also an author serves its own models; no document need say so.
      derive: (id, decided) => {
        if (!decided.has("kind") && knownAuthors.has(id)) decided.set("kind", "FIRST_PARTY");
      },
      created: created.PROVIDER,
      writes,
      stored: reads.columns.PROVIDER,
    });
    count("PROVIDER", providerChanges, providers);
    const models = idsOfType(batch, "MODEL");
    count("MODEL", await applyColumns(tx, "MODEL", models, decisions, { created: created.MODEL, writes, stored: reads.columns.MODEL }), models);
    const offerings = idsOfType(batch, "OFFERING");
    count("OFFERING", await applyColumns(tx, "OFFERING", offerings, decisions, { created: created.OFFERING, writes, stored: reads.columns.OFFERING }), offerings);
    await syncCapabilities(tx, "MODEL", models, decisions, { created: created.MODEL, writes, stored: reads.capabilities.MODEL });
    await syncCapabilities(tx, "OFFERING", offerings, decisions, { created: created.OFFERING, writes, stored: reads.capabilities.OFFERING });
    for (const [slot, change] of await syncPrices(prices, offerings, decisions, now)) {
      tally.changes.price(slot, change);
      if (change === "created" || change === "updated") priceSlots.push(slot);
    }
  }
  await issueWrite(issueStatements(tx, restoreStatements(deferredChecks, (table) => table !== "Fact")), writes);
  // The database has the last batches' writes and the rebuilt indexes still to run, and deriving the
  // limits reads after them: what the load has to do meanwhile without the database, it does now.
  whileDatabaseWrites();
  // Limits no document states for a model come from its offerings, once every offering is decided.
  progress("deriving model limits");
  await deriveChangedModelLimits(tx, { models: idsOfType(keys, "MODEL"), offerings: idsOfType(keys, "OFFERING") });
  await issueWrite(syncBenchmarks(tx, contents), writes);
  return { documents: changed.length, priceSlots };
}

/** A group's facts as stored, by entity, with the format and URI of their documents. */
interface GroupFacts {
  sourceIds: string[];
  byEntity: Map<EntityKey, FactWithSource<SourceFormat>[]>;
}

function factsByEntity(facts: readonly FactRecord[], contents: readonly { doc: SourceDocument; sourceId: string }[]): GroupFacts {
  const docOf = new Map(contents.map((c) => [c.sourceId, c.doc]));
  const byEntity = new Map<EntityKey, FactWithSource<SourceFormat>[]>();
  // A document states a record's facts one after another: the document and the record's list are
  // looked up when they change, not for each of a seed's 168,000 facts (a key string built and hashed
  // per fact was 0.1 s of the load's thread).
  let sourceId: string | undefined;
  let doc: SourceDocument | undefined;
  let entityType: string | undefined;
  let entityId: string | undefined;
  let list: FactWithSource<SourceFormat>[] | undefined;
  for (const f of facts) {
    if (f.sourceId !== sourceId) {
      sourceId = f.sourceId;
      doc = docOf.get(f.sourceId);
    }
    if (!doc) continue;
    if (f.entityType !== entityType || f.entityId !== entityId || !list) {
      entityType = f.entityType;
      entityId = f.entityId;
      const key = entityKey(f.entityType as EntityType, f.entityId);
      list = byEntity.get(key);
      if (!list) byEntity.set(key, (list = []));
    }
    list.push({ id: f.id, entityType: f.entityType, entityId: f.entityId, field: f.field, value: f.value, precision: f.precision, step: f.step, locator: f.locator, sourceId: f.sourceId, format: doc.format, uri: doc.uri });
  }
  return { sourceIds: [...docOf.keys()], byEntity };
}

/** The sources whose facts the load holds (the group's and those carried), and the records the group created. */
function readScope(groupSourceIds: readonly string[], carried: CarriedFacts, created: Record<EntityType, Set<string>>): Pick<KnownFacts, "sourceIds" | "created"> {
  const createdKeys = new Set<EntityKey>();
  for (const [type, ids] of Object.entries(created) as [EntityType, Set<string>][]) for (const id of ids) createdKeys.add(entityKey(type, id));
  return { sourceIds: [...carried.sourceIds, ...groupSourceIds], created: createdKeys };
}

/**
 * What deciding needs to know: the facts of the group's own documents and those earlier groups of the
 * load carried, by entity; the records the group created; and the aggregators, the group's included.
 */
function knownFacts(scope: Pick<KnownFacts, "sourceIds" | "created">, group: GroupFacts, carried: CarriedFacts, aggregators: ReadonlySet<string>): KnownFacts {
  const factsOf = (key: EntityKey) => {
    const own = group.byEntity.get(key) ?? [];
    const earlier = carried.factsOf(key);
    return earlier.length === 0 ? own : [...earlier, ...own];
  };
  return { ...scope, factsOf, aggregators };
}

/** Creates the rows facts will be attached to; returns the ids that are new. */
async function createStubs(tx: SqlSession, contents: DocumentContent[], now: Date): Promise<Record<EntityType, Set<string>>> {
  const authors = new Set<string>();
  const providers = new Set<string>();
  const models = new Set<string>();
  const offerings = new Map<string, { id: string; providerId: string; modelId: string; providerModelId: string }>();
  const aliases = new Map<string, string>();
  for (const c of contents) {
    c.authorIds.forEach((id) => authors.add(id));
    c.providerIds.forEach((id) => providers.add(id));
    c.modelIds.forEach((id) => models.add(id));
    c.offerings.forEach((o, id) => offerings.has(id) || offerings.set(id, o));
    c.aliases.forEach((modelId, alias) => aliases.has(alias) || aliases.set(alias, modelId));
  }
  const created = await insertStubs(
    tx,
    {
      authors: [...authors],
      providers: [...providers],
      models: [...models],
      offerings: [...offerings.values()],
      aliases: [...aliases].filter(([alias]) => !models.has(alias)).map(([alias, modelId]) => ({ alias, modelId })),
    },
    now,
  );
  return { AUTHOR: new Set(created.authors), PROVIDER: new Set(created.providers), MODEL: new Set(created.models), OFFERING: new Set(created.offerings) };
}

async function syncBenchmarks(tx: SqlSession, contents: { content: DocumentContent; sourceId: string }[]): Promise<void> {
  const rows = new Map<string, BenchmarkRecord>();
  for (const { content, sourceId } of contents) {
    for (const b of content.benchmarks) rows.set(`${b.modelId}\u0000${b.name}`, { id: crypto.randomUUID(), ...b, sourceId });
  }
  await writeBenchmarks(tx, [...rows.values()]);
}

export type { EntityKey };
