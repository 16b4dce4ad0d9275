import { isProviderRouter, matchModel, newModelId, normalizeModelName, proposedModelId, type KnownModels, type ModelNameContext } from "./modelIdentity";
import { identityKey, looseIdentityKey, mainForm, nameForms, snapshotDateOf, VERTEX_FULL_ID, withoutPublisherPrefix } from "./modelNameForms";
import { canonicalAuthorId } from "./partyIdentity";

/** The models and names the catalog knows, grown as an import resolves new ones. */
export class ModelIdentityIndex implements KnownModels {
  private readonly names = new Map<string, string>();
  private readonly authors = new Map<string, string | null>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byLooseKey = new Map<string, Set<string>>();
  private readonly parties = new Set<string>();
  private readonly knownAuthors = new Set<string>();
  private readonly mergedSnapshots = new Map<string, { modelId: string; date: string }>();
  /**
   * Per name and model remembered, how many parties were known then: remembering it again changes
   * nothing until a new party can strip another publisher prefix. A seed remembered 63,000 names, 4,300
   * of them distinct, and each time worked out every form and key of the name (0.6 s of the main thread,
   * measured on a slow machine, while the database had nothing to do).
   */
  private readonly remembered = new Map<string, number>();

  /** `parties`: the ids of the authors and providers the catalog knows (publisher prefixes). */
  constructor(models: { id: string; authorId: string | null }[], aliases: { alias: string; modelId: string }[], parties: string[] = []) {
    for (const party of parties) this.parties.add(canonicalAuthorId(party));
    for (const m of models) {
      this.authors.set(m.id, m.authorId);
      if (m.authorId) this.parties.add(m.authorId);
      if (m.authorId) this.knownAuthors.add(m.authorId);
      this.remember(m.id, m.id);
    }
    for (const a of aliases) this.remember(a.alias, a.modelId);
  }

  modelForName(name: string): string | undefined {
    return this.names.get(normalizeModelName(name));
  }

  authorOf(modelId: string): string | null | undefined {
    return this.authors.get(modelId);
  }

  modelsForKey(key: string): readonly string[] {
    return [...(this.byKey.get(key) ?? [])];
  }

  modelsForLooseKey(key: string): readonly string[] {
    return [...(this.byLooseKey.get(key) ?? [])];
  }

  /** Records an author or provider id (a possible publisher prefix); `author` also as an author. */
  addParty(id: string, author = false): void {
    this.parties.add(canonicalAuthorId(id));
    if (author) this.knownAuthors.add(canonicalAuthorId(id));
  }

  /** Whether `id` is the author of a model the catalog (or this import) knows. */
  isAuthor(id: string): boolean {
    return this.knownAuthors.has(canonicalAuthorId(id));
  }

  isParty(id: string): boolean {
    return this.parties.has(id);
  }

  /**
   * The id for `ref`, remembering it and `otherNames` so later documents land on the same model. An
   * other name (a canonical slug, a Hugging Face id, a provider's own id) already known decides the model
   * when `ref` itself finds none.
   */
  resolve(ref: string, authorId: string | undefined, otherNames: string[] = [], context: ModelNameContext = {}): string {
    const id =
      matchModel(ref, authorId, this, context) ??
      otherNames.map((n) => this.modelForName(n)).find((found) => found !== undefined) ??
      newModelId(ref, authorId, this, context);
    const author = authorId ? canonicalAuthorId(authorId) : undefined;
    if (!this.authors.has(id) || (this.authors.get(id) === null && author)) this.authors.set(id, author ?? null);
    if (author) this.parties.add(author);
    if (author) this.knownAuthors.add(author);
    // A router's bare name ("auto") is every router's: only its provider-scoped id is remembered.
    for (const name of isProviderRouter(ref, context) ? [id] : [id, ref, ...otherNames]) this.remember(name, id);
    return id;
  }

  /**
   * The ids `ref` would have as a new model: under rule 5, and under the first edition of the rules (the
   * name without its author prefix). None for a router's bare name, which is every router's and no model's.
   */
  ownIdsOf(ref: string, authorId: string | undefined, context: ModelNameContext = {}): string[] {
    if (isProviderRouter(ref, context)) return [];
    const nothingKnown: KnownModels = { modelForName: () => undefined, authorOf: () => undefined };
    return [...new Set([newModelId(ref, authorId, nothingKnown, context), proposedModelId(ref).id])];
  }

  /** Records `name` for `modelId`: the name itself (unless it names another model) and its keys. */
  alias(name: string, modelId: string): void {
    this.remember(name, modelId);
  }

  /**
   * Records that the dated snapshot `name` is `modelId` itself (its documents state the same facts): the
   * name becomes an alias, and `snapshotMergedAs` says so to whoever reads that snapshot's document.
   */
  mergeSnapshot(name: string, modelId: string): void {
    const date = snapshotDateOf(name);
    this.remember(name, modelId);
    if (date) this.mergedSnapshots.set(normalizeModelName(name), { modelId, date });
  }

  /** The model a snapshot name was merged into by `mergeSnapshot`, with the snapshot's date. */
  snapshotMergedAs(name: string): { modelId: string; date: string } | undefined {
    return this.mergedSnapshots.get(normalizeModelName(name));
  }

  private remember(name: string, modelId: string): void {
    const pair = `${name}\u0000${modelId}`;
    if (this.remembered.get(pair) === this.parties.size) return;
    this.remembered.set(pair, this.parties.size);
    const normalized = normalizeModelName(name);
    if (!this.names.has(normalized)) this.names.set(normalized, modelId);
    // "gemma3@gemma-3-1b-it" is Gemma 3 1B: its name before the @ is the family, not a key of the model.
    if (nameForms(normalized).some((f) => f.rules.includes(VERTEX_FULL_ID))) return;
    const main = mainForm(normalized);
    // A name with a publisher's prefix is also found by its name without it ("meta-llama-3-8b-instruct"
    // by a later "llama-3-8b-instruct"), as it would be the other way round.
    const unprefixed = withoutPublisherPrefix(main, (p) => this.parties.has(canonicalAuthorId(p)));
    for (const form of new Set([normalized, main.name, ...(unprefixed ? [unprefixed.name] : [])])) {
      add(this.byKey, identityKey(form), modelId);
      add(this.byLooseKey, looseIdentityKey(form), modelId);
    }
  }
}

function add(index: Map<string, Set<string>>, key: string, modelId: string): void {
  if (key === "") return;
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(modelId);
}
