import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Connection } from "../common/connection";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "One successful write: who, what, when, and the request it came in." })
export class AuditEvent {
  @Field(() => ID, { description: "Increases with every event." })
  id!: string;
  @Field({ description: "The API key's name." })
  actorName!: string;
  @Field({ description: 'What was done: "updatePrice", "updateModel", "resolveConflict", ...' })
  action!: string;
  @Field({ description: "MODEL, PROVIDER, OFFERING, AUTHOR or SOURCE." })
  entityType!: string;
  @Field({ description: "The record's id." })
  entityId!: string;
  @Field(() => String, { nullable: true, description: "The field changed, if one." })
  field!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: "The value before." })
  before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: "The value after." })
  after!: unknown;
  @Field(() => String, { nullable: true, description: "The x-request-id of the write." })
  requestId!: string | null;
  @Field({ description: "When." })
  createdAt!: Date;
}

export const AuditEventConnection = Connection(AuditEvent, "AuditEvent");
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;
