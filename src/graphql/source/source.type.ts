import { Field, ID, Int, ObjectType } from "type-graphql";
import { SourceFormat } from "../common/enums";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "An imported document: every fact in the catalog names the source that stated it." })
export class Source {
  @Field(() => ID, { description: "The source's id." })
  id!: string;

  @Field(() => SourceFormat, { description: "The kind of document." })
  format!: SourceFormat;

  @Field({ description: 'Its path in the seed folder (e.g. "models.dev/providers/openai/models/gpt-4.1-mini.toml"), or the name given on import.' })
  uri!: string;

  @Field(() => String, { nullable: true, description: "A title, where the document has one." })
  title!: string | null;

  @Field({ description: "SHA-256 of its bytes, its format's parser revision and (a models.dev file inheriting from a base file) the base file's bytes: an unchanged document is not parsed or reloaded." })
  contentHash!: string;

  @Field(() => Int, { description: "Its size in bytes." })
  sizeBytes!: number;

  @Field({ description: "When it was last loaded." })
  importedAt!: Date;
}
