import type { KeysetPage } from "../pagination/keysetPage";
import { memoryPage, type MemoryOrder } from "../pagination/memoryPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { SourceFormat, SourceView } from "../views";

export interface SourceFilter {
  formats?: SourceFormat[] | null;
  /** Words in the source's URI. */
  search?: string | null;
}

const SOURCE_ORDER: MemoryOrder<SourceView> = { keys: [{ value: (s) => s.uri, type: "text", direction: "ASC" }], signature: "sources" };

/** Lists the imported documents from a snapshot of the read model. */
export class SourceCatalogService {
  /** Sources by URI. */
  listSources(snapshot: CatalogSnapshot, filter: SourceFilter | null | undefined, page: PageArgs): KeysetPage<SourceView> {
    let sources = snapshot.sourcesByUri;
    if (filter?.formats?.length) {
      const formats = new Set(filter.formats);
      sources = sources.filter((s) => formats.has(s.format));
    }
    const search = filter?.search?.trim().toLowerCase();
    if (search) sources = sources.filter((s) => s.uri.toLowerCase().includes(search));
    return memoryPage(sources, SOURCE_ORDER, page);
  }
}
