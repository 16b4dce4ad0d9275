import { Args, ArgsType, Authorized, Field, InputType, Query, Resolver } from "type-graphql";
import type { AuditLogService } from "../../catalog/admin/auditLog.service";
import { PageArgs } from "../common/pageArgs.args";
import { AuditEvent, AuditEventConnection } from "./auditEvent.type";
import { ReadsDatabase } from "../cache/readsDatabase";

@InputType({ description: "Which audit events." })
class AuditFilter {
  @Field(() => String, { nullable: true, description: "MODEL, PROVIDER, OFFERING, AUTHOR or SOURCE." })
  entityType?: string | null;
  @Field(() => String, { nullable: true, description: "One record." })
  entityId?: string | null;
  @Field(() => String, { nullable: true, description: "One API key's name." })
  actorName?: string | null;
  @Field(() => String, { nullable: true, description: 'One action, e.g. "updatePrice".' })
  action?: string | null;
}

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true, description: "Which events; all when not given." })
  filter?: AuditFilter | null;
}

@Resolver(() => AuditEvent)
export class AuditLogResolver {
  constructor(private readonly audit: AuditLogService) {}

  @Authorized("ADMIN")
  @ReadsDatabase()
  @Query(() => AuditEventConnection, { description: "Every successful write, newest first (a cursor connection). Needs an ADMIN key." })
  async auditLog(@Args() { filter, ...page }: AuditLogArgs): Promise<AuditEventConnection> {
    return (await this.audit.list(filter, page)) as unknown as AuditEventConnection;
  }
}
