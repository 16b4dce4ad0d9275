import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

export enum DatabaseKind {
  PGLITE = "pglite",
  POSTGRESQL = "postgresql",
}
registerEnumType(DatabaseKind, {
  name: "DatabaseKind",
  description: "Which database engine holds the catalog.",
  valuesConfig: {
    PGLITE: { description: "The embedded PGlite database (the default when DATABASE_URL is unset)." },
    POSTGRESQL: { description: "A PostgreSQL server named by DATABASE_URL." },
  },
});

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Whether the service and its database are up, and what it holds." })
export class Health {
  @Field({ description: '"ok" when the database answers, "degraded" when it does not.' })
  status!: string;

  @Field({ description: "The server's version (package.json)." })
  version!: string;

  @Field(() => DatabaseKind, { description: "The database engine in use." })
  database!: DatabaseKind;

  @Field(() => Int, { description: "How many schema migrations the database has applied." })
  migrationsApplied!: number;

  @Field(() => Int, { description: "How many models the catalog holds." })
  models!: number;

  @Field(() => Int, { description: "How many source documents have been imported." })
  sources!: number;

  @Field({ description: "When this server process started." })
  startedAt!: Date;
}
