import type { KeysetPage } from "../pagination/keysetPage";
import { memoryPage, type MemoryOrder } from "../pagination/memoryPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { AuthorView, ProviderKind, ProviderView } from "../views";

export interface ProviderFilter {
  search?: string | null;
  kinds?: ProviderKind[] | null;
}

const byNameThenId = <T extends { name: string; id: string }>(signature: string): MemoryOrder<T> => ({
  keys: [
    { value: (p) => p.name.toLowerCase(), type: "text", direction: "ASC" },
    { value: (p) => p.id, type: "text", direction: "ASC" },
  ],
  signature,
});
const PROVIDER_ORDER = byNameThenId<ProviderView>("providers");
const AUTHOR_ORDER = byNameThenId<AuthorView>("authors");

/** Lists providers and authors (the parties of the catalog) from a snapshot of the read model. */
export class PartyCatalogService {
  /** Providers by name, optionally of some kinds or with words in their id or name (any case). */
  listProviders(snapshot: CatalogSnapshot, filter: ProviderFilter | null | undefined, page: PageArgs): KeysetPage<ProviderView> {
    let providers = snapshot.providersByName;
    const search = filter?.search?.trim().toLowerCase();
    if (search) providers = providers.filter((p) => p.id.toLowerCase().includes(search) || p.name.toLowerCase().includes(search));
    if (filter?.kinds?.length) {
      const kinds = new Set(filter.kinds);
      providers = providers.filter((p) => kinds.has(p.kind));
    }
    return memoryPage(providers, PROVIDER_ORDER, page);
  }

  /** Authors by name. */
  listAuthors(snapshot: CatalogSnapshot, page: PageArgs): KeysetPage<AuthorView> {
    return memoryPage(snapshot.authorsByName, AUTHOR_ORDER, page);
  }
}
