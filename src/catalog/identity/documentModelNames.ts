// The model names a group of documents gives, resolved to catalog ids before their facts are read, in an
// order that does not depend on file names: the authors' own documents first, then everyone else's, each
// undated names before dated ones. Resolving in this order is what keeps "gpt-4o" from being swallowed
// by whichever dated snapshot file sorts first, and lets "claude-3-5-haiku" at a reseller find the
// author's only snapshot "claude-3-5-haiku-20241022".
import type { ModelObservation, ParsedDocument } from "../../ingest/observation";
import { documentRole } from "../reconcile/documentRole";
import type { SourceFormat } from "../reconcile/precedence";
import type { ModelNameContext } from "./modelIdentity";
import type { ModelIdentityIndex } from "./modelIdentityIndex";
import { isSnapshotName, looseIdentityKey, mainForm } from "./modelNameForms";
import { canonicalAuthorId, canonicalProviderId } from "./partyIdentity";

export interface NamingDocument {
  uri: string;
  format: SourceFormat;
  parsed: ParsedDocument;
}

/** The provider a document is the file of: the one provider all its offerings name, if there is one. */
export function documentProvider(doc: ParsedDocument): string | undefined {
  const providers = new Set(doc.offerings.map((o) => canonicalProviderId(o.providerId)));
  return providers.size === 1 ? [...providers][0] : undefined;
}

/** How a model's name is to be read in `doc`: as the file of which provider. */
export function modelNameContext(doc: NamingDocument): ModelNameContext {
  return { providerId: documentProvider(doc.parsed) };
}

/** Whether `doc` is the model's author's own document: an author's card, or the file of the author's own API. */
function isAuthorsOwn(doc: NamingDocument, model: ModelObservation, identity: ModelIdentityIndex): boolean {
  const providerId = documentProvider(doc.parsed);
  const stated = model.authorId ? canonicalAuthorId(model.authorId.value) : undefined;
  const authorId = stated ?? (providerId && identity.isAuthor(providerId) ? canonicalAuthorId(providerId) : undefined);
  const role = documentRole(doc.uri, doc.format, { authorId }, () => false);
  return role === "AUTHOR" || role === "OWNER";
}

/**
 * Resolves every model name `docs` give, in the order above, into `identity`. Where the authors' own
 * documents in the group, or any one document, state both a dated snapshot and its undated model:
 * - with the same facts (only the name, description, benchmarks or last update differ), the snapshot
 *   becomes an alias of the model: the documents treat it as the same model;
 * - with facts of its own, the snapshot stays its own model, and no other name reaches it loosely.
 */
export function resolveDocumentModelNames(docs: readonly NamingDocument[], identity: ModelIdentityIndex): void {
  for (const { parsed } of docs) {
    for (const author of parsed.authors) identity.addParty(author.id, true);
    for (const party of [...parsed.providers, ...parsed.offerings.map((o) => ({ id: o.providerId }))]) identity.addParty(party.id);
  }
  const entries = docs.flatMap((doc) =>
    doc.parsed.models.map((model) => ({ doc, model, context: modelNameContext(doc), name: model.ref.trim().toLowerCase(), own: isAuthorsOwn(doc, model, identity) })),
  );
  // Undated models by loose key, among an author's own documents, and within any one document (OpenRouter
  // lists "openai/gpt-4o" and "openai/gpt-4o-2024-05-13" side by side, priced apart).
  const scopeOf = (e: (typeof entries)[number]) => (e.own ? `author ${e.model.authorId?.value ?? ""}` : `document ${e.doc.uri}`);
  const undatedIn = new Map<string, (typeof entries)[number][]>();
  for (const e of entries) {
    const main = mainForm(e.name, e.context).name;
    if (isSnapshotName(main)) continue;
    const key = `${scopeOf(e)} ${looseIdentityKey(main)}`;
    undatedIn.set(key, [...(undatedIn.get(key) ?? []).filter((x) => x.name !== e.name), e]);
  }
  const undatedOf = (e: (typeof entries)[number]) => {
    const main = mainForm(e.name, e.context).name;
    if (!isSnapshotName(main)) return undefined;
    const found = undatedIn.get(`${scopeOf(e)} ${looseIdentityKey(main)}`) ?? [];
    return found.length === 1 ? found[0] : undefined;
  };
  const rank = (e: (typeof entries)[number]) => (e.own ? 0 : 2) + Number(isSnapshotName(mainForm(e.name, e.context).name));
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b));

  for (const entry of ordered) {
    const undated = undatedOf(entry);
    // A snapshot the catalog already has as a model of its own keeps it: ids never move.
    const published = identity.modelForName(entry.model.ref) ?? identity.modelForName(mainForm(entry.name, entry.context).name);
    const mergeable = published === undefined || (undated !== undefined && published === identity.modelForName(undated.model.ref));
    if (undated && undated !== entry && mergeable && sameFacts(undated, entry)) {
      const id = identity.resolve(undated.model.ref, undated.model.authorId?.value, undated.model.aliases, undated.context);
      identity.mergeSnapshot(entry.model.ref, id);
      for (const name of entry.model.aliases) identity.alias(name, id);
      continue;
    }
    const context = undated && undated !== entry ? { ...entry.context, declared: true } : entry.context;
    identity.resolve(entry.model.ref, entry.model.authorId?.value, entry.model.aliases, context);
  }
  for (const doc of docs) {
    const context = modelNameContext(doc);
    for (const offering of doc.parsed.offerings) identity.resolve(offering.modelRef, undefined, [], context);
  }
}

/** Fields a snapshot's document may word differently from its model's without being another model. */
const SNAPSHOT_WORDING = new Set(["name", "description", "lastUpdated", "snapshot"]);

/**
 * Whether two documents state the same model: every value both state is the same (a snapshot's page that
 * states less, as Starmap's dated pages do, says nothing to the contrary).
 */
function sameFacts(a: { doc: NamingDocument; model: ModelObservation }, b: { doc: NamingDocument; model: ModelObservation }): boolean {
  const x = statedValues(a.doc.parsed, a.model);
  const y = statedValues(b.doc.parsed, b.model);
  for (const [key, value] of x) if (y.has(key) && y.get(key) !== value) return false;
  return true;
}

/** A model's stated values (and its offerings' prices in the same document) by field, without wording and locators. */
function statedValues(doc: ParsedDocument, model: ModelObservation): Map<string, string> {
  const values = new Map<string, string>();
  for (const [field, stated] of Object.entries(model.fields)) if (stated && !SNAPSHOT_WORDING.has(field)) values.set(field, JSON.stringify(stated.value));
  for (const [key, stated] of Object.entries(model.capabilities)) values.set(`capability.${key}`, stated.value);
  if (model.authorId) values.set("authorId", canonicalAuthorId(model.authorId.value));
  for (const offering of doc.offerings.filter((o) => o.modelRef === model.ref)) {
    for (const p of offering.prices) values.set(`${offering.providerId}/${p.kind}/${p.unit}/${p.mode}/${p.contextAbove}`, p.amount);
  }
  return values;
}
