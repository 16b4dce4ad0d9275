import { Args, ArgsType, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from "type-graphql";
import type { ProvenanceService } from "../../catalog/provenance/provenance.service";
import type { GraphQLContext } from "../context";
import { ReadsDatabase } from "../cache/readsDatabase";
import { Connection } from "../common/connection";
import { EntityType } from "../common/enums";
import { PageArgs } from "../common/pageArgs.args";
import { Source } from "../source/source.type";
import { FactCandidate, FieldProvenance } from "./provenance.type";

export const ConflictConnection = Connection(FieldProvenance, "Conflict");
export type ConflictConnection = InstanceType<typeof ConflictConnection>;

@InputType({ description: "Which conflicts to list." })
class ConflictFilter {
  @Field(() => EntityType, { nullable: true, description: "Only records of this kind." })
  entityType?: EntityType | null;

  @Field(() => String, { nullable: true, description: 'One record, e.g. "gpt-4.1-mini".' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'One field, or a prefix ending in "." ("price.", "capability.").' })
  field?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "false (the default): the open conflicts, decided by the documents; true: those an admin settled with resolveConflict or an edit.",
  })
  resolved: boolean = false;
}

@ArgsType()
class ConflictsArgs extends PageArgs {
  @Field(() => ConflictFilter, {
    nullable: true,
    defaultValue: { resolved: false },
    description: "Which conflicts; every open one when not given (an explicit null lists open and resolved ones alike).",
  })
  filter?: ConflictFilter | null;
}

@Resolver(() => FactCandidate)
export class ConflictsResolver {
  constructor(private readonly provenance: ProvenanceService) {}

  @ReadsDatabase()
  @Query(() => ConflictConnection, { description: "Every field on which sources disagree, with each candidate, its source and locator, the value chosen and why." })
  async conflicts(@Args() { filter, ...page }: ConflictsArgs): Promise<ConflictConnection> {
    return (await this.provenance.conflicts(filter, page)) as unknown as ConflictConnection;
  }

  @FieldResolver(() => Source, { description: "The document that states this value." })
  source(@Root() candidate: FactCandidate, @Ctx() { snapshot, readModel }: GraphQLContext): Source {
    // Provenance is read from the database, which may be ahead of this request's snapshot.
    return (snapshot.source(candidate.sourceId) ?? readModel.current.source(candidate.sourceId)) as Source;
  }
}

export { FieldProvenance };
