import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../context";
import { readsOnlySnapshot } from "./snapshotOnly";

/**
 * Marks the requests whose answer may be served again while the snapshot they read stays current: a
 * query that reads only the snapshot and answered without errors. The HTTP layer's response cache
 * stores only those.
 */
export function snapshotCacheability(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, contextValue }) {
          contextValue.answer.cacheable = readsOnlySnapshot(schema, document, operationName);
        },
        async willSendResponse({ response, contextValue }) {
          contextValue.answer.clean = response.body.kind === "single" && !response.body.singleResult.errors;
          if (!contextValue.answer.clean) contextValue.answer.cacheable = false;
        },
      };
    },
  };
}
