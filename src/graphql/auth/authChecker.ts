import { GraphQLError } from "graphql";
import type { AuthCheckerFn } from "type-graphql";
import type { Role } from "../../catalog/auth/apiKeys.service";
import type { GraphQLContext } from "../context";

export const NEEDS_API_KEY_MESSAGE = "This operation needs an API key: send Authorization: Bearer <key>";

/** Which roles each role stands in for: ADMIN may do everything EDITOR may. */
const GRANTS: Record<Role, readonly Role[]> = {
  ADMIN: ["ADMIN", "EDITOR"],
  EDITOR: ["EDITOR"],
};

/**
 * The one auth checker: `@Authorized()` needs any valid key, `@Authorized("EDITOR")` an EDITOR or ADMIN key,
 * `@Authorized("ADMIN")` an ADMIN key.
 * @throws GraphQLError UNAUTHENTICATED when the request has no viewer (with the reason its credentials
 *   failed, if it sent any), FORBIDDEN when the viewer's role is not enough.
 */
export const authChecker: AuthCheckerFn<GraphQLContext, Role> = ({ context }, roles) => {
  const { viewer, authFailure } = context;
  if (!viewer) {
    // A request that sent no key gets the general hint; one that sent a bad key is told what was wrong with it.
    const failed = authFailure && authFailure.failure !== "MISSING" ? authFailure : null;
    throw new GraphQLError(failed?.message ?? NEEDS_API_KEY_MESSAGE, {
      extensions: { code: "UNAUTHENTICATED", ...(failed ? { reason: failed.failure } : {}) },
    });
  }
  if (roles.length === 0 || roles.some((role) => GRANTS[viewer.role].includes(role))) return true;
  throw new GraphQLError(`This operation needs the ${roles.join(" or ")} role; the key "${viewer.name}" has ${viewer.role}`, {
    extensions: { code: "FORBIDDEN" },
  });
};
