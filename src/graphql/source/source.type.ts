import { Field, ID, Int, ObjectType } from "type-graphql";
import { SourceFormat } from "../common/enums";

@ObjectType({ description: "An imported document: every fact in the catalog names the source that stated it." })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => SourceFormat)
  format!: SourceFormat;

  @Field({ description: 'Its path in the seed folder (e.g. "models.dev/providers/openai/models/gpt-4.1-mini.toml"), or the name given on import.' })
  uri!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field({ description: "SHA-256 of its bytes: an unchanged document is not reloaded." })
  contentHash!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: "When it was last loaded." })
  importedAt!: Date;
}
