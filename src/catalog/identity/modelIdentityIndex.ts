import { normalizeModelName, resolveModelId, type KnownModels } from "./modelIdentity";

/** The models and names the catalog knows, grown as an import resolves new ones. */
export class ModelIdentityIndex implements KnownModels {
  private readonly names = new Map<string, string>();
  private readonly authors = new Map<string, string | null>();

  constructor(models: { id: string; authorId: string | null }[], aliases: { alias: string; modelId: string }[]) {
    for (const m of models) {
      this.authors.set(m.id, m.authorId);
      this.names.set(normalizeModelName(m.id), m.id);
    }
    for (const a of aliases) this.names.set(normalizeModelName(a.alias), a.modelId);
  }

  modelForName(name: string): string | undefined {
    return this.names.get(normalizeModelName(name));
  }

  authorOf(modelId: string): string | null | undefined {
    return this.authors.get(modelId);
  }

  /** The id for `ref`, remembering it and `otherNames` so later documents land on the same model. */
  resolve(ref: string, authorId: string | undefined, otherNames: string[] = []): string {
    const id = resolveModelId(ref, authorId, this);
    if (!this.authors.has(id) || (this.authors.get(id) === null && authorId)) this.authors.set(id, authorId ?? null);
    for (const name of [id, ref, ...otherNames]) {
      const key = normalizeModelName(name);
      if (!this.names.has(key)) this.names.set(key, id);
    }
    return id;
  }
}
