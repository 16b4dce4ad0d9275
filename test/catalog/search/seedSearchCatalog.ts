// A search catalog read straight from seed/ (no database): every models.dev model file and every OpenRouter
// model, by the id its file or slug gives, with its provider paths as aliases and OpenRouter's descriptions.
// Real names, numbers, dates and descriptions that mention other models, which is what the ranking's rules
// are about; the identity rules are not applied (they are not what these tests are for).
import fs from "node:fs";
import path from "node:path";
import type { SearchDocument } from "../../../src/catalog/search/modelSearchIndex";
import { SEED_DIR } from "../../support/catalogDatabase";

interface Draft {
  name: string;
  aliases: Set<string>;
  description: string | null;
}

export function seedSearchDocuments(): SearchDocument[] {
  const drafts = new Map<string, Draft>();
  const draft = (id: string, name: string) => {
    let found = drafts.get(id);
    if (!found) drafts.set(id, (found = { name, aliases: new Set(), description: null }));
    return found;
  };
  const providersDir = path.join(SEED_DIR, "models.dev", "providers");
  for (const provider of fs.readdirSync(providersDir).sort()) {
    const modelsDir = path.join(providersDir, provider, "models");
    if (!fs.existsSync(modelsDir)) continue;
    for (const file of listTomls(modelsDir)) {
      const id = path.basename(file, ".toml").toLowerCase();
      const name = /^name\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(file, "utf8"))?.[1] ?? id;
      draft(id, name).aliases.add(`${provider}/${path.relative(modelsDir, file).replace(/\.toml$/, "")}`.toLowerCase());
    }
  }
  const openrouter = JSON.parse(fs.readFileSync(path.join(SEED_DIR, "openrouter", "models.json"), "utf8")) as {
    data: { id: string; canonical_slug: string | null; name: string; description: string | null }[];
  };
  for (const model of openrouter.data) {
    const found = draft(model.id.split("/").pop()!.toLowerCase(), model.name);
    found.aliases.add(model.id.toLowerCase());
    if (model.canonical_slug) found.aliases.add(model.canonical_slug.toLowerCase());
    found.description = model.description;
  }
  return [...drafts].map(([id, { name, aliases, description }]) => ({ id, name, aliases: [...aliases].filter((alias) => alias !== id).sort(), description }));
}

/**
 * The catalog `times` over, as the growth benchmark makes it: copy k of a document has the id and aliases
 * `<id>~s<k>` and the same name and description, so every search matches `times` as many documents and
 * many of them tie.
 */
export function copiedDocuments(documents: readonly SearchDocument[], times: number): SearchDocument[] {
  const copies: SearchDocument[] = [...documents];
  for (let k = 1; k < times; k++) {
    for (const document of documents) {
      copies.push({ ...document, id: `${document.id}~s${k}`, aliases: document.aliases.map((alias) => `${alias}~s${k}`) });
    }
  }
  return copies;
}

function listTomls(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTomls(path.join(dir, entry.name)) : entry.name.endsWith(".toml") ? [path.join(dir, entry.name)] : []))
    .sort();
}
