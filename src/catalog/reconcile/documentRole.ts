import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import type { SourceFormat } from "../views";

/**
 * What a document is to the record it states a value of, read from where the document sits (the
 * precedence table ranks these roles; the quality report counts who disagrees by them):
 * - AUTHOR: a card written for the model's author (models.dev `models/<author>/…`, Starmap `authors/…`);
 * - OWNER: a provider's own file about its own offering, or about a model its company made
 *   (models.dev `providers/openai/…` for an OpenAI model);
 * - CLOUD: a first-party cloud's model card (the Foundry document);
 * - AGGREGATOR: OpenRouter's listing, or the file of a provider the catalog knows as an aggregator;
 * - RESELLER: a third party's provider file restating a model it serves;
 * - OTHER: anything else (a provider.toml about a provider, an admin's value).
 */
export const DOCUMENT_ROLES = ["AUTHOR", "OWNER", "CLOUD", "AGGREGATOR", "RESELLER", "OTHER"] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/** Whose record a value belongs to: the model's author, the offering's (or provider's) provider. */
export interface RecordOwner {
  authorId?: string | null;
  providerId?: string | null;
}

/**
 * The role of the document at `uri` (of `format`) for a record of `owner`. `isAggregator` says which
 * provider ids the catalog knows as aggregators (ProviderView.kind).
 */
export function documentRole(uri: string, format: SourceFormat, owner: RecordOwner, isAggregator: (providerId: string) => boolean): DocumentRole {
  if (format === "FOUNDRY") return "CLOUD";
  if (format === "OPENROUTER") return "AGGREGATOR";
  if (format !== "MODELS_DEV" && format !== "STARMAP") return "OTHER";
  // Both data sets keep a tree: models.dev `models/<author>/…` and `providers/<p>/…`, Starmap
  // `authors/<a>/…` and `providers/<p>/…`, under whatever folder the seed put them in.
  const segments = uri.split("/");
  const providersAt = segments.indexOf("providers");
  const authorsAt = segments.findIndex((s) => s === "authors" || (format === "MODELS_DEV" && s === "models"));
  if (authorsAt >= 0 && (providersAt < 0 || authorsAt < providersAt)) return "AUTHOR";
  const provider = providersAt >= 0 ? segments[providersAt + 1] : undefined;
  if (!provider) return "OTHER";
  const providerId = canonicalProviderId(provider);
  const authorId = owner.authorId == null ? null : canonicalAuthorId(owner.authorId);
  // The author's own API is a provider whose id, read as a provider's or as an author's, is the author's
  // ("google-ai-studio" is Google's; models.dev's "moonshotai" provider is the author "moonshotai").
  const ownsRecord =
    (owner.providerId != null && canonicalProviderId(owner.providerId) === providerId) ||
    (authorId !== null && (providerId === authorId || canonicalAuthorId(provider) === authorId));
  if (ownsRecord) return "OWNER";
  return isAggregator(providerId) ? "AGGREGATOR" : "RESELLER";
}
