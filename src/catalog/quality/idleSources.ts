import type { SourceFormat, SourceView } from "../views";

/** How much one document states, and how much of it the catalog shows. */
export interface SourceContribution {
  sourceId: string;
  /** Facts it states. */
  facts: number;
  /** Of those, facts chosen as a field's value. */
  chosen: number;
}

export interface IdleSource {
  uri: string;
  format: SourceFormat;
  facts: number;
}

export interface IdleSources {
  /** Imported documents (the admin's pseudo-document left out). */
  documents: number;
  /** Documents that state no fact at all. */
  withoutFacts: number;
  /** Documents whose facts all lost: nothing of theirs is shown. */
  withoutChosenFacts: number;
  /** Both kinds: documents without facts first, then by URI. */
  list: IdleSource[];
}

/** Documents that contributed nothing the catalog shows: no facts, or no fact that won. */
export function idleSources(sources: readonly SourceView[], contributions: readonly SourceContribution[]): IdleSources {
  const bySource = new Map(contributions.map((c) => [c.sourceId, c]));
  const documents = sources.filter((s) => s.format !== "ADMIN");
  const idle = documents
    .map((s) => ({ source: s, facts: bySource.get(s.id)?.facts ?? 0, chosen: bySource.get(s.id)?.chosen ?? 0 }))
    .filter((s) => s.chosen === 0)
    .sort((a, b) => Number(a.facts > 0) - Number(b.facts > 0) || (a.source.uri < b.source.uri ? -1 : a.source.uri > b.source.uri ? 1 : 0));
  const withoutFacts = idle.filter((s) => s.facts === 0).length;
  return {
    documents: documents.length,
    withoutFacts,
    withoutChosenFacts: idle.length - withoutFacts,
    list: idle.map((s) => ({ uri: s.source.uri, format: s.source.format, facts: s.facts })),
  };
}
