import { Field, ObjectType } from "type-graphql";
import { DecimalScalar } from "../scalars/decimal.scalar";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "A published benchmark score of a model (from models.dev)." })
export class Benchmark {
  @Field({ description: 'The benchmark, e.g. "Aider Polyglot".' })
  name!: string;

  @Field(() => DecimalScalar, { description: "The score, exact." })
  score!: string;

  @Field(() => String, { nullable: true, description: 'What the score measures, e.g. "percent correct".' })
  unit!: string | null;

  sourceId!: string | null;
}
