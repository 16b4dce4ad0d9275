import fs from "node:fs";
import path from "node:path";
import { SOURCE_FORMAT } from "../../src/catalog/import/importDocuments";
import { loadOrder } from "../../src/catalog/load/loadOrder";
import { SOURCE_LABEL } from "../../src/catalog/reconcile/precedence";
import { SourceFormat as PrismaSourceFormat } from "../../src/db/generated/enums";
import { DocumentFormat as GraphQLDocumentFormat } from "../../src/graphql/admin/importDocument.mutation";
import { SourceFormat as GraphQLSourceFormat } from "../../src/graphql/common/enums";
import { defineFormat, DOCUMENT_FORMATS, FormatRegistry, FormatRegistryError, withFormat, type FormatDefinition } from "../../src/ingest/formatRegistry";
import { emptyDocument, ParseError, type DocumentFormat } from "../../src/ingest/observation";

const ROOT = path.join(__dirname, "../..");

/** A format for these tests only: recognizes "#tiny" at the start of a text, and parses nothing. */
function format(overrides: Partial<FormatDefinition> = {}): FormatDefinition {
  return {
    id: "tiny",
    label: "tiny list",
    sourceFormat: "TINY",
    sourceName: "the tiny list",
    loadRank: 10,
    detect: (_path, head) => (head.startsWith("#tiny") ? "certain" : undefined),
    parse: (_text, origin) => emptyDocument("tiny" as DocumentFormat, origin),
    ...overrides,
  };
}

/** The value names of an enum in the checked-in schema.graphql. */
function schemaEnumValues(name: string): string[] {
  const schema = fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8");
  const body = new RegExp(`^enum ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1] ?? "";
  return body.split("\n").map((line) => line.trim()).filter((line) => /^[A-Z_]+$/.test(line));
}

describe("the format registry", () => {
  describe("lists each format once, and what depended on the list is derived from it", () => {
    it("lists the four formats, in order, with their source formats and load ranks", () => {
      expect(DOCUMENT_FORMATS.formats.map((f) => [f.id, f.sourceFormat, f.loadRank])).toEqual([
        ["foundry", "FOUNDRY", 3],
        ["starmap", "STARMAP", 2],
        ["models-dev", "MODELS_DEV", 1],
        ["openrouter", "OPENROUTER", 4],
      ]);
    });

    it("gives the source format each document format is stored as", () => {
      expect(SOURCE_FORMAT).toEqual({ foundry: "FOUNDRY", starmap: "STARMAP", "models-dev": "MODELS_DEV", openrouter: "OPENROUTER" });
    });

    it("orders the loader's groups by load rank, what admins state last", () => {
      expect(loadOrder(["ADMIN", "OPENROUTER", "FOUNDRY", "STARMAP", "MODELS_DEV"])).toEqual(["MODELS_DEV", "STARMAP", "FOUNDRY", "OPENROUTER", "ADMIN"]);
      expect(loadOrder(["OPENROUTER", "MODELS_DEV"])).toEqual(["MODELS_DEV", "OPENROUTER"]);
    });

    it("names each format in decisions' reasons", () => {
      expect(SOURCE_LABEL).toEqual({ FOUNDRY: "the Foundry card", STARMAP: "Starmap", MODELS_DEV: "models.dev", OPENROUTER: "OpenRouter", ADMIN: "an admin" });
    });

    it("gives GraphQL's DocumentFormat (named by source format, meaning the id) and SourceFormat (with ADMIN), as schema.graphql has them", () => {
      const sourceFormats = DOCUMENT_FORMATS.formats.map((f) => f.sourceFormat);
      expect(GraphQLDocumentFormat).toEqual(Object.fromEntries(DOCUMENT_FORMATS.formats.map((f) => [f.sourceFormat, f.id])));
      expect(Object.keys(GraphQLSourceFormat).sort()).toEqual([...sourceFormats, "ADMIN"].sort());
      expect(schemaEnumValues("DocumentFormat")).toEqual([...sourceFormats].sort());
      expect(schemaEnumValues("SourceFormat")).toEqual([...sourceFormats, "ADMIN"].sort());
    });
  });

  describe("is checked against Prisma's SourceFormat enum, which cannot be derived", () => {
    it("has in the generated client exactly the registry's source formats and ADMIN (a new format needs its enum value and a migration)", () => {
      expect(Object.values(PrismaSourceFormat).sort()).toEqual([...DOCUMENT_FORMATS.formats.map((f) => f.sourceFormat), "ADMIN"].sort());
    });

    it("has in prisma/schema.prisma exactly the registry's source formats and ADMIN", () => {
      const schema = fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
      const values = /^enum SourceFormat \{([^}]*)\}/m.exec(schema)![1].split("\n").map((l) => l.replace(/\/\/.*$/, "").trim()).filter(Boolean);
      expect(values.sort()).toEqual([...DOCUMENT_FORMATS.formats.map((f) => f.sourceFormat), "ADMIN"].sort());
    });
  });

  describe("fails loudly on a format it cannot load", () => {
    it("makes a load rank part of a format's type", () => {
      // @ts-expect-error: a definition without a load rank does not compile.
      defineFormat({ id: "tiny", label: "tiny list", sourceFormat: "TINY", sourceName: "the tiny list", detect: () => undefined, parse: (_t: string, o: string) => emptyDocument("foundry", o) });
    });

    it("refuses a format without a load rank, or with one that is not a number", () => {
      const { loadRank: _, ...unranked } = format();
      expect(() => new FormatRegistry([unranked as FormatDefinition])).toThrow(new FormatRegistryError('format "tiny" has no load rank: the loader would never load its documents'));
      expect(() => withFormat(DOCUMENT_FORMATS, format({ loadRank: Number.NaN }))).toThrow(FormatRegistryError);
    });

    it("refuses an id, a source format or a load rank another format has", () => {
      expect(() => withFormat(DOCUMENT_FORMATS, format({ id: "starmap" }))).toThrow(new FormatRegistryError('format "starmap" has the id "starmap" of format "starmap"'));
      expect(() => withFormat(DOCUMENT_FORMATS, format({ sourceFormat: "OPENROUTER" }))).toThrow(new FormatRegistryError('format "tiny" has the sourceFormat "OPENROUTER" of format "openrouter"'));
      expect(() => withFormat(DOCUMENT_FORMATS, format({ loadRank: 1 }))).toThrow(new FormatRegistryError('format "tiny" has the loadRank 1 of format "models-dev"'));
    });

    it("refuses ADMIN as a document format's source format", () => {
      expect(() => withFormat(DOCUMENT_FORMATS, format({ sourceFormat: "ADMIN" }))).toThrow(FormatRegistryError);
    });

    it("makes the loader refuse documents of a format its registry does not list, instead of never loading them", () => {
      expect(() => loadOrder(["MODELS_DEV", "TINY" as never])).toThrow(
        new FormatRegistryError("documents of TINY cannot be loaded: no registered format is stored as that (MODELS_DEV, STARMAP, FOUNDRY, OPENROUTER)"),
      );
      expect(loadOrder(["MODELS_DEV", "TINY" as never], withFormat(DOCUMENT_FORMATS, format()))).toEqual(["MODELS_DEV", "TINY", "ADMIN"].filter((f) => f !== "ADMIN"));
    });
  });

  describe("detects and dispatches", () => {
    it("takes the surest detector, equally sure ones in the registry's order", () => {
      expect(DOCUMENT_FORMATS.detect("providers/x/models/y.toml", "## Technical Specifications\n")).toBe("models-dev");
      expect(DOCUMENT_FORMATS.detect("models.json", '{"data": [{"id": "a/b", "description": "![x](https://img.shields.io/badge/x-y-z)"}]}')).toBe("openrouter");
      expect(DOCUMENT_FORMATS.detect("x.md", "---\ntitle: X\n---\nname = 1\n[cost]\n")).toBe("starmap");
      expect(DOCUMENT_FORMATS.detect("x.txt", "name = 1\n[cost]\n")).toBe("models-dev");
      expect(DOCUMENT_FORMATS.detect("x.txt", "nothing to see")).toBeUndefined();
    });

    it("parses with the format given or detected, and names the formats it knows when it recognizes none", () => {
      const formats = withFormat(DOCUMENT_FORMATS, format());
      expect(formats.parse(undefined, "#tiny\n", "a.txt").format).toBe("tiny");
      expect(formats.parse("tiny", "anything\n", "b.txt").format).toBe("tiny");
      expect(() => formats.parse(undefined, "nothing to see", "c.txt")).toThrow(
        new ParseError("c.txt", "not a document of a known format (Foundry card, Starmap page, models.dev TOML, OpenRouter model list, tiny list); pass its format"),
      );
      expect(() => DOCUMENT_FORMATS.parse("tiny", "#tiny\n", "d.txt")).toThrow(new ParseError("d.txt", 'no format "tiny" is registered (foundry, starmap, models-dev, openrouter)'));
    });

    it("leaves the registry it extends as it was", () => {
      withFormat(DOCUMENT_FORMATS, format());
      expect(DOCUMENT_FORMATS.ids).toEqual(["foundry", "starmap", "models-dev", "openrouter"]);
    });
  });
});
