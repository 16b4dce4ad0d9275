// How a model named by a document becomes one catalog Model. The rules, in order:
import { canonicalAuthorId } from "./partyIdentity";

// 1. Names are compared lower-case, without surrounding space.
// 2. A name already recorded as an alias keeps the model it was given, so ids never move once published.
// 3. "<author>/<model>" (OpenRouter's "openai/gpt-4.1-mini", models.dev's models/openai/gpt-4.1-mini.toml)
//    names the same model as "<model>" (Starmap's and Foundry's "gpt-4.1-mini"): the catalog id drops the
//    author prefix. A path of more segments ("accounts/fireworks/models/x") is a provider's own id, kept whole.
// 4. Where the id without prefix already belongs to another author's model, the newcomer keeps its prefix.
// 5. Every other name a document gives (the "<author>/<model>" form, a dated snapshot, a provider's
//    base_model link) becomes an alias of the model.

/** Rule 1: the form names are compared in. */
export function normalizeModelName(name: string): string {
  return name.trim().toLowerCase();
}

/** Rule 3: the catalog id a name asks for, and the author prefix it carried, if any. */
export function proposedModelId(ref: string): { id: string; authorPrefix?: string } {
  const name = normalizeModelName(ref);
  const parts = name.split("/");
  if (parts.length === 2 && parts[0] !== "" && parts[1] !== "") return { id: parts[1], authorPrefix: parts[0] };
  return { id: name };
}

export interface KnownModels {
  /** The model an alias or id already names (rule 2). */
  modelForName(name: string): string | undefined;
  /** The author of an existing model, null if it has none, undefined if there is no such model. */
  authorOf(modelId: string): string | null | undefined;
}

/**
 * The catalog id for a model a document names `ref` (by `authorId` when the document says), applying
 * the rules above against the models the catalog (and this import) already has.
 */
export function resolveModelId(ref: string, authorId: string | undefined, known: KnownModels): string {
  const name = normalizeModelName(ref);
  const existing = known.modelForName(name);
  if (existing) return existing;
  const { id, authorPrefix } = proposedModelId(name);
  const authorName = authorId ?? authorPrefix;
  const author = authorName ? canonicalAuthorId(authorName) : undefined;
  const owner = known.authorOf(id);
  if (owner !== undefined && owner !== null && author !== undefined && owner !== author) return author + "/" + id;
  return id;
}
