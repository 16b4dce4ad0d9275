// How a model named by a document becomes one catalog Model, second edition. The rules, in order:
import { isRouterId } from "../offerings/offeringKind";
import { identityKey, isSnapshotName, looseIdentityKey, mainForm, nameForms, snapshotDateOf, withoutPublisherPrefix, type NameContext, type NameForm } from "./modelNameForms";
import { canonicalAuthorId } from "./partyIdentity";

// 1. Names are compared lower-case, without surrounding space.
// 2. A router's meta-model ("auto", "openrouter/auto", "kilo-auto/free") belongs to the provider whose
//    file names it: two providers' "auto" are two models.
// 3. A name already recorded as an id or alias keeps the model it was given, so ids never move once published.
// 4. Else the forms modelNameForms.ts gives (author prefix, a provider's path, Bedrock's and Vertex's ids,
//    -maas, routing variants, then a publisher prefix) are looked up as names, then by identity key
//    (version punctuation and word order), then by the loose key (snapshot date, -latest, instruct
//    dropped) — the loose key not for a dated snapshot its author's documents declare beside its model
//    with facts of its own, and only where it finds one model (or one undated model among snapshots). A model whose author is known never takes
//    a name another author's spelling reveals.
// 5. Otherwise the name is a new model: its id is the name without the provider's path, Bedrock's
//    dressing and Vertex's version ("accounts/fireworks/models/x" → "x"); where that id already belongs
//    to another author's model, the newcomer keeps its author's prefix.
// 6. Every other name a document gives becomes an alias of the model (the loader records them).

/** Rule 1: the form names are compared in. */
export function normalizeModelName(name: string): string {
  return name.trim().toLowerCase();
}

/** The "<author>/<model>" split of a name, if it has exactly two segments. */
export function proposedModelId(ref: string): { id: string; authorPrefix?: string } {
  const name = normalizeModelName(ref);
  const parts = name.split("/");
  if (parts.length === 2 && parts[0] !== "" && parts[1] !== "") return { id: parts[1], authorPrefix: parts[0] };
  return { id: name };
}

export interface KnownModels {
  /** The model an alias or id already names (rule 3). */
  modelForName(name: string): string | undefined;
  /** The author of an existing model, null if it has none, undefined if there is no such model. */
  authorOf(modelId: string): string | null | undefined;
  /** The models with a name of this identity key. */
  modelsForKey?(key: string): readonly string[];
  /** The models with a name of this loose key. */
  modelsForLooseKey?(key: string): readonly string[];
  /** Whether an id names an author or provider the catalog knows (a publisher prefix). */
  isParty?(id: string): boolean;
  /** Whether an id names an author the catalog knows. */
  isAuthor?(id: string): boolean;
}

/** What a document says around the name it gives. */
export interface ModelNameContext extends NameContext {
  /** A snapshot with facts of its own, declared beside its model: looked up exactly and by key, never loosely. */
  declared?: boolean;
}

/** Rule 2 applies: `name` is a router's meta-model named in a provider's file. */
export function isProviderRouter(name: string, context: ModelNameContext): context is ModelNameContext & { providerId: string } {
  return context.providerId !== undefined && isRouterId(normalizeModelName(name));
}

/**
 * Rule 2: the model id of a router's meta-model in `providerId`'s file: its own id where a path names
 * its maker ("openrouter/auto", "switchpoint/router" wherever they are served) or it carries the
 * provider's name ("kilo-auto"), else the bare name under the provider ("auto" at Morph is "morph/auto").
 */
export function routerModelId(name: string, providerId: string): string {
  const normalized = normalizeModelName(name);
  return normalized.includes("/") || normalized.startsWith(`${providerId}-`) ? normalized : `${providerId}/${normalized}`;
}

/**
 * The catalog id for a model a document names `ref` (by `authorId` when the document says), applying
 * the rules above against the models the catalog (and this import) already has.
 */
export function resolveModelId(ref: string, authorId: string | undefined, known: KnownModels, context: ModelNameContext = {}): string {
  return matchModel(ref, authorId, known, context) ?? newModelId(ref, authorId, known, context);
}

/** Rules 2–4: the existing model `ref` names, if any. */
export function matchModel(ref: string, authorId: string | undefined, known: KnownModels, context: ModelNameContext = {}): string | undefined {
  const name = normalizeModelName(ref);
  if (isProviderRouter(name, context)) return known.modelForName(routerModelId(name, context.providerId));
  const exact = known.modelForName(name);
  if (exact) return exact;

  const author = authorId ? canonicalAuthorId(authorId) : undefined;
  const fits = (modelId: string, form: NameForm) => {
    // A spelling's hint claims an author only if it is one ("databricks-" and "novita/" are hosts).
    const claimed = author ?? (form.authorHint && known.isAuthor?.(form.authorHint) ? canonicalAuthorId(form.authorHint) : undefined);
    const owner = known.authorOf(modelId);
    return !claimed || !owner || owner === claimed;
  };
  const forms = nameForms(name, context);
  for (const form of forms) {
    const found = known.modelForName(form.name);
    if (found && fits(found, form)) return found;
  }
  const prefixed = (id: string) => id === context.providerId || known.isParty?.(canonicalAuthorId(id)) === true;
  const unprefixed = forms.map((f) => withoutPublisherPrefix(f, prefixed)).filter((f): f is NameForm => f !== undefined);
  for (const form of unprefixed) {
    const found = known.modelForName(form.name);
    if (found && fits(found, form)) return found;
  }
  const all = [...forms, ...unprefixed];
  for (const form of all) {
    const found = (known.modelsForKey?.(identityKey(form.name)) ?? []).filter((id) => fits(id, form));
    if (found.length === 1) return found[0];
  }
  if (context.declared) return undefined;
  for (const form of all) {
    // Two dated snapshots never meet: a dated name reaches only an undated model loosely.
    const dated = snapshotDateOf(form.name) !== undefined;
    const found = (known.modelsForLooseKey?.(looseIdentityKey(form.name)) ?? []).filter((id) => fits(id, form) && !(dated && snapshotDateOf(id) !== undefined));
    if (found.length === 1) return found[0];
    const undated = found.filter((id) => !isSnapshotName(id));
    if (undated.length === 1) return undated[0];
  }
  return undefined;
}

/** Rule 5: the id of a new model named `ref`. */
export function newModelId(ref: string, authorId: string | undefined, known: KnownModels, context: ModelNameContext = {}): string {
  const name = normalizeModelName(ref);
  if (isProviderRouter(name, context)) return routerModelId(name, context.providerId);
  // A new "cobuddy:free" is the model cobuddy, "accounts/fireworks/models/x" the model x.
  const cleaned = mainForm(name, context);
  const { authorPrefix } = proposedModelId(name);
  const hint = cleaned.authorHint && known.isAuthor?.(cleaned.authorHint) !== false ? cleaned.authorHint : undefined;
  const authorName = authorId ?? authorPrefix ?? hint;
  const author = authorName ? canonicalAuthorId(authorName) : undefined;
  const id = cleaned.name;
  const owner = known.authorOf(id);
  if (owner !== undefined && owner !== null && author !== undefined && owner !== author) return `${author}/${id}`;
  return id;
}
