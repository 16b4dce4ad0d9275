// The page reads the catalog only through the public GraphQL API, over HTTP on its own origin, as any
// other frontend would. Every failure becomes an ApiError whose message can be shown as it is.

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; limit?: string };
}

/** A failed request: the API's own words (and codes), or what went wrong on the way. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * POSTs one operation to /graphql and returns its data.
 * @throws ApiError with the errors' messages (and field and code) when the answer has errors, the server
 * refuses the request, or it cannot be reached.
 */
export async function graphql<Data>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<Data> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      // application/json, not graphql-response+json: a refusal then comes as 200 with its errors, which the page shows,
      // instead of a 4xx the browser would also log as a failed resource.
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`The catalog server could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  let body: { data?: Data | null; errors?: GraphQLErrorBody[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  if (body?.errors && body.errors.length > 0) {
    const words = body.errors.map((error) => {
      const field = error.extensions?.field ? ` (${error.extensions.field})` : "";
      return `${error.message}${field}`;
    });
    const codes = body.errors.map((error) => error.extensions?.code ?? "ERROR");
    throw new ApiError(`The catalog refused the request: ${words.join("; ")} [${[...new Set(codes)].join(", ")}]`, codes);
  }
  if (!response.ok || !body || body.data === undefined || body.data === null) {
    throw new ApiError(`The catalog server answered ${response.status} ${response.statusText || ""}`.trim() + " without data.");
  }
  return body.data;
}
