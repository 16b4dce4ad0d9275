import { Arg, Authorized, Ctx, Mutation, Resolver, registerEnumType } from "type-graphql";
import type { ImportDocumentService } from "../../catalog/admin/importDocument.service";
import { importSummary } from "../../catalog/import/importSummary";
import { DOCUMENT_FORMATS, type BuiltInFormat } from "../../ingest/formatRegistry";
import type { GraphQLContext } from "../context";
import { actorOf } from "./actor";
import { ImportReport } from "./importReport.type";

/** Each registered format, named in the API by its source format (MODELS_DEV) and meaning its id ("models-dev"): derived from the format registry. */
export const DocumentFormat = Object.fromEntries(DOCUMENT_FORMATS.formats.map((f) => [f.sourceFormat, f.id])) as { readonly [F in BuiltInFormat as F["sourceFormat"]]: F["id"] };
export type DocumentFormat = BuiltInFormat["id"];
registerEnumType(DocumentFormat, { name: "DocumentFormat", description: "A format the ingestion parsers read." });

@Resolver()
export class ImportDocumentResolver {
  constructor(private readonly imports: ImportDocumentService) {}

  @Authorized("ADMIN")
  @Mutation(() => ImportReport, { description: "Runs the seed pipeline's parsers and loader on a pasted document and returns the report the import command prints. Needs an ADMIN key." })
  async importDocument(
    @Arg("content", { description: "The document's text (at most 900,000 characters)." }) content: string,
    @Ctx() context: GraphQLContext,
    @Arg("format", () => DocumentFormat, { nullable: true, description: "Its format; detected when not given." }) format?: DocumentFormat | null,
    @Arg("name", () => String, { nullable: true, description: 'A name for the source ("admin/<name>"); for models.dev, its path in the tree (providers/<p>/models/<id>.toml). Re-importing a name replaces what it said.' }) name?: string | null,
  ): Promise<ImportReport> {
    const report = await this.imports.importDocument(format ?? null, content, name, actorOf(context));
    return { ...report, loaded: report.documents.loaded, unchanged: report.documents.unchanged, summary: importSummary(report) } as unknown as ImportReport;
  }
}
