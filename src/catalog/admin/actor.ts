/** Who makes a change: the API key's id and name, and the request it came in, for the audit log. */
export interface Actor {
  apiKeyId: string | null;
  name: string;
  requestId: string | null;
}
