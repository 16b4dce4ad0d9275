import type { Actor } from "../../catalog/admin/actor";
import type { GraphQLContext } from "../context";

/** The audit log's "who" for a request that passed the auth checker. */
export function actorOf(context: GraphQLContext): Actor {
  return { apiKeyId: context.viewer?.apiKeyId ?? null, name: context.viewer?.name ?? "anonymous", requestId: context.requestId };
}
