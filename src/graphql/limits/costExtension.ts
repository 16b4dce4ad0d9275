import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../context";

/** Reports what the operation was measured to cost in the answer's `extensions.cost`, so clients can see how close they are to the limit. */
export function costExtension(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const cost = contextValue.answer.cost;
          if (cost === undefined || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}
