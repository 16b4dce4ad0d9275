import { ADMIN_SOURCE_FORMAT, DOCUMENT_FORMATS, FormatRegistryError, type FormatRegistry } from "../../ingest/formatRegistry";
import type { SourceFormat } from "../reconcile/precedence";

/**
 * The order in which the loader loads the groups of documents it is given: the formats by their load
 * rank (identity gives a model id to the first document that claims it, so the broadest, author-keyed
 * catalog goes first), then what admins state.
 * @throws FormatRegistryError when a group is of a format the registry does not list: its documents
 * would never be loaded.
 */
export function loadOrder(groups: Iterable<SourceFormat>, formats: FormatRegistry = DOCUMENT_FORMATS): SourceFormat[] {
  const order = [...formats.loadOrder, ADMIN_SOURCE_FORMAT] as SourceFormat[];
  const present = new Set(groups);
  const unknown = [...present].filter((format) => !order.includes(format));
  if (unknown.length > 0) {
    throw new FormatRegistryError(`documents of ${unknown.join(", ")} cannot be loaded: no registered format is stored as ${unknown.length > 1 ? "those" : "that"} (${formats.loadOrder.join(", ")})`);
  }
  return order.filter((format) => present.has(format));
}
