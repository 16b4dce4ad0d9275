import { GraphQLError } from "graphql";
import type { ResolverData } from "type-graphql";
import type { Viewer } from "../../src/catalog/auth/apiKeys.service";
import { authChecker, NEEDS_API_KEY_MESSAGE } from "../../src/graphql/auth/authChecker";
import type { GraphQLContext } from "../../src/graphql/context";

function data(viewer: Viewer | null, authFailure: GraphQLContext["authFailure"] = null): ResolverData<GraphQLContext> {
  // The checker reads only viewer and authFailure; the rest of a request's context is no concern of this test.
  const context = { requestId: "req-1", viewer, authFailure } as Partial<GraphQLContext> as GraphQLContext;
  return { root: undefined, args: {}, context, info: {} as ResolverData["info"] };
}

function thrownBy(work: () => unknown): GraphQLError {
  try {
    work();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error("expected a GraphQLError");
}

const admin: Viewer = { apiKeyId: "k1", name: "ops", role: "ADMIN" };
const editor: Viewer = { apiKeyId: "k2", name: "ci-bot", role: "EDITOR" };

describe("the auth checker", () => {
  describe("lets through", () => {
    it("an EDITOR key on an EDITOR operation", () => expect(authChecker(data(editor), ["EDITOR"])).toBe(true));
    it("an ADMIN key on an ADMIN operation", () => expect(authChecker(data(admin), ["ADMIN"])).toBe(true));
    it("an ADMIN key on an EDITOR operation, since ADMIN may do everything EDITOR may", () => expect(authChecker(data(admin), ["EDITOR"])).toBe(true));
    it("any key on an operation that names no role", () => expect(authChecker(data(editor), [])).toBe(true));
  });

  describe("refuses as UNAUTHENTICATED", () => {
    it("a request without a key, telling it how to send one", () => {
      const error = thrownBy(() => authChecker(data(null), ["EDITOR"]));
      expect(error.message).toBe("This operation needs an API key: send Authorization: Bearer <key>");
      expect(error.message).toBe(NEEDS_API_KEY_MESSAGE);
      expect(error.extensions).toEqual({ code: "UNAUTHENTICATED" });
    });

    it("a request whose header was missing, with the same general hint", () => {
      const error = thrownBy(() => authChecker(data(null, { failure: "MISSING", message: "No API key: send Authorization: Bearer <API key>" }), ["EDITOR"]));
      expect(error.message).toBe(NEEDS_API_KEY_MESSAGE);
      expect(error.extensions).toEqual({ code: "UNAUTHENTICATED" });
    });

    it("a request whose key failed, with the reason it failed", () => {
      const failure = { failure: "REVOKED", message: "The API key has been revoked: ask an administrator for a new one", prefix: "0123456789ab" };
      const error = thrownBy(() => authChecker(data(null, failure), ["EDITOR"]));
      expect(error.message).toBe("The API key has been revoked: ask an administrator for a new one");
      expect(error.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "REVOKED" });
    });
  });

  describe("refuses as FORBIDDEN", () => {
    it("an EDITOR key on an ADMIN operation, naming the role needed and the key's own", () => {
      const error = thrownBy(() => authChecker(data(editor), ["ADMIN"]));
      expect(error.message).toBe('This operation needs the ADMIN role; the key "ci-bot" has EDITOR');
      expect(error.extensions).toEqual({ code: "FORBIDDEN" });
    });
  });
});
