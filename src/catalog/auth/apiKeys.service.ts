import crypto from "node:crypto";
import type { ApiKeyRepository, ApiKeyRow } from "../../db/apiKeyRepository";
import { NotFoundError, ValidationError } from "../errors";

export type Role = "ADMIN" | "EDITOR";
export const ROLES: readonly Role[] = ["ADMIN", "EDITOR"];

/** Who is calling: the API key a request authenticated with. */
export interface Viewer {
  apiKeyId: string;
  name: string;
  role: Role;
}

/** An API key as listings show it: never the secret, never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type AuthenticationFailure = "MISSING" | "MALFORMED" | "UNKNOWN" | "REVOKED";

/** The outcome of reading an `Authorization` header: a viewer, or why there is none. */
export type Authentication = { viewer: Viewer } | { failure: AuthenticationFailure; message: string; prefix?: string };

export const MAX_NAME_LENGTH = 100;

/** How long a key's `lastUsedAt` may lag behind its real last use; bounds writes to one per key per interval. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const AUTH_MESSAGES = {
  MISSING: "No API key: send Authorization: Bearer <API key>",
  MALFORMED_SCHEME: 'Authorization must be "Bearer <API key>"',
  MALFORMED_KEY: "The API key is malformed: expected mck_<12 hex characters>_<secret>, as printed when it was created",
  // One message for an unknown prefix and a wrong secret, so that a caller cannot learn which prefixes exist.
  UNKNOWN: "The API key is not valid: no key matches it",
  REVOKED: "The API key has been revoked: ask an administrator for a new one",
} as const;

const KEY_PATTERN = /^mck_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

// A hash to compare against when the prefix is unknown, so that both failures do the same work.
const UNUSED_HASH = sha256Hex(crypto.randomBytes(32).toString("base64url"));

/**
 * Creates, lists, revokes and checks API keys. A key is `mck_<prefix>_<secret>`: the prefix (12 random hex
 * characters) finds the row and is safe to show; the secret (32 random bytes, base64url) is shown once, at
 * creation, and only its SHA-256 is stored.
 */
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates a key and returns it whole; this is the only time the secret exists outside the caller.
   * @throws ValidationError (field "name") for an empty name, one longer than 100 characters or one already taken;
   *   (field "role") for a role other than ADMIN or EDITOR.
   */
  async create(name: string, role: Role): Promise<{ key: string; apiKey: ApiKeyView }> {
    const trimmed = validName(name);
    if (!ROLES.includes(role)) throw new ValidationError(`role must be ADMIN or EDITOR, got "${String(role)}"`, "role");
    if (await this.keys.findByName(trimmed)) throw duplicateName(trimmed);
    const createdAt = this.now();
    // A prefix clash is a one-in-2^48 event per pair; retry rather than fail.
    for (let attempt = 0; ; attempt++) {
      const prefix = crypto.randomBytes(6).toString("hex");
      const secret = crypto.randomBytes(32).toString("base64url");
      const inserted = await this.keys.insert({ id: crypto.randomUUID(), name: trimmed, role, prefix, hash: sha256Hex(secret), createdAt });
      if ("row" in inserted) return { key: `mck_${prefix}_${secret}`, apiKey: toView(inserted.row) };
      if (inserted.clash === "name") throw duplicateName(trimmed);
      if (attempt >= 3) throw new Error(`Could not find an unused API key prefix in ${attempt + 1} attempts`);
    }
  }

  /** Every key, oldest first, revoked ones included. */
  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(toView);
  }

  /**
   * Revokes the key with this name (or, failing that, this prefix). Revoking a revoked key changes nothing:
   * it keeps its first `revokedAt`.
   * @throws NotFoundError("API key", nameOrPrefix) when no key has that name or prefix.
   */
  async revoke(nameOrPrefix: string): Promise<ApiKeyView> {
    const row = await this.keys.revoke(nameOrPrefix, this.now());
    if (!row) throw new NotFoundError("API key", nameOrPrefix);
    return toView(row);
  }

  /**
   * Reads an `Authorization` header value. Never throws for a bad header: the failure says why, in a message
   * that never repeats the secret. A wrong secret and an unknown prefix fail alike (UNKNOWN); REVOKED is only
   * told to a caller who holds the right secret. Records `lastUsedAt`, at most once a minute per key.
   */
  async authenticate(authorization: string | undefined | null): Promise<Authentication> {
    const header = authorization?.trim() ?? "";
    if (header === "") return { failure: "MISSING", message: AUTH_MESSAGES.MISSING };
    const match = /^(\S+)\s+(\S+)$/.exec(header);
    if (!match || match[1].toLowerCase() !== "bearer") return { failure: "MALFORMED", message: AUTH_MESSAGES.MALFORMED_SCHEME };
    const key = KEY_PATTERN.exec(match[2]);
    if (!key) return { failure: "MALFORMED", message: AUTH_MESSAGES.MALFORMED_KEY };
    const [, prefix, secret] = key;

    const row = await this.keys.findByPrefix(prefix);
    const secretMatches = hashesEqual(sha256Hex(secret), row?.hash ?? UNUSED_HASH);
    if (!row || !secretMatches) return { failure: "UNKNOWN", message: AUTH_MESSAGES.UNKNOWN, prefix };
    if (row.revokedAt !== null) return { failure: "REVOKED", message: AUTH_MESSAGES.REVOKED, prefix };

    await this.touch(row);
    return { viewer: { apiKeyId: row.id, name: row.name, role: row.role } };
  }

  /** Writes `lastUsedAt` only when the stored one is older than the resolution, so requests do not each write. */
  private async touch(row: ApiKeyRow): Promise<void> {
    const now = this.now();
    if (row.lastUsedAt !== null && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.keys.recordUse(row.id, now);
  }
}

// SHA-256 rather than a slow password hash (scrypt, argon2): the secret is 256 random bits, so there is no
// dictionary to slow down, and a fast hash keeps authenticating every request cheap.
function sha256Hex(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function validName(name: string): string {
  const trimmed = typeof name === "string" ? name.trim() : "";
  if (trimmed === "") throw new ValidationError("name must not be empty", "name");
  if (trimmed.length > MAX_NAME_LENGTH) throw new ValidationError(`name must be at most ${MAX_NAME_LENGTH} characters, got ${trimmed.length}`, "name");
  return trimmed;
}

function duplicateName(name: string): ValidationError {
  return new ValidationError(`An API key named "${name}" already exists`, "name");
}

function toView(row: ApiKeyRow): ApiKeyView {
  const { id, name, role, prefix, createdAt, lastUsedAt, revokedAt } = row;
  return { id, name, role, prefix, createdAt, lastUsedAt, revokedAt };
}
