// The key under which the quality report suspects two models of being one. It is deliberately not the
// identity rules (identity/modelIdentity.ts): those decide what the catalog merges and must never merge
// two distinct models; this key is looser, so that it finds what they miss. A group it forms is a
// suspicion for a person to look at, not a decision.

/**
 * Vendor names written in front of a model's own name ("anthropic-claude-3.5-haiku",
 * "meta.llama3-1-70b-instruct-v1:0", "databricks-gpt-oss-20b"). Only vendors whose name is not the
 * model's brand are listed: stripping "deepseek-" or "mistral-" would leave "v3" or "large" and join
 * unrelated models.
 */
const VENDOR_PREFIXES = [
  "amazon",
  "anthropic",
  "databricks",
  "google",
  "meta",
  "microsoft",
  "moonshot",
  "moonshotai",
  "nvidia",
  "openai",
] as const;

/** Bedrock's cross-region inference prefixes ("us.anthropic.claude-…"). */
const REGION_PREFIX = /^(us|eu|apac|ap|global|us-gov|ca|jp|au)\./;

/**
 * Endings that name a snapshot, a version of a provider's deployment or a routing variant of the same
 * model, each with why it is dropped. Applied repeatedly, so that "-20251001-v1:0" loses both.
 */
const SUFFIXES: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /-v\d+:\d+$/, why: "Bedrock's deployment version (-v1:0); a bare -v2 is left alone, it is often a model's own generation" },
  { pattern: /-\d+:\d+$/, why: "Bedrock's version without the v (openai.gpt-oss-20b-1:0)" },
  { pattern: /@[a-z0-9.-]+$/, why: "Vertex's snapshot or version (@20240307, @001, @latest)" },
  { pattern: /-\d{4}-\d{2}-\d{2}$/, why: "a dated snapshot (-2024-10-22)" },
  { pattern: /-\d{8}$/, why: "a dated snapshot (-20241022)" },
  { pattern: /-0\d\d$/, why: "a numbered revision (-001, -002)" },
  { pattern: /-latest$/, why: "a moving alias of the newest snapshot" },
  { pattern: /:(free|beta|extended|online|nitro|floor|exacto)$/, why: "OpenRouter's routing variants of one model (:free, :beta)" },
  { pattern: /-maas$/, why: "Vertex's model-as-a-service deployment of the same model" },
];

/**
 * The key two model ids collide under when the quality report suspects they name one model:
 * lower-case; the last path segment only (a provider's "accounts/fireworks/models/…", an author
 * prefix, Workers AI's "@cf/…"); without Bedrock's region and vendor prefixes or the vendors listed
 * above; without snapshot, version and routing suffixes; Fireworks' "k2p6" read as "k2.6"; then cut
 * into words and numbers, punctuation dropped (so "3-5" and "3.5" are both "35"), sorted (so
 * "claude-haiku-3.5" meets "claude-3-5-haiku"). Returns "" for an id with nothing left.
 */
export function duplicateKey(id: string): string {
  let name = id.trim().toLowerCase();
  name = name.slice(name.lastIndexOf("/") + 1);
  name = name.replace(REGION_PREFIX, "");
  name = stripVendorPrefixes(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { pattern } of SUFFIXES) {
      const shorter = name.replace(pattern, "");
      if (shorter !== name && shorter !== "") {
        name = shorter;
        changed = true;
      }
    }
  }
  name = name.replace(/(\d)p(\d)/g, "$1.$2");
  return tokens(name).sort().join(" ");
}

function stripVendorPrefixes(name: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const vendor of VENDOR_PREFIXES) {
      const match = new RegExp(`^${vendor}(\\.|-+)(?=[a-z])`).exec(name);
      if (match) {
        name = name.slice(match[0].length);
        changed = true;
      }
    }
  }
  return name;
}

/**
 * Words and numbers: letters runs, and digit runs joined across punctuation ("3.1-70b" → "3170", "b"),
 * since providers spell the same version "3.5", "3-5" and "3_5".
 */
function tokens(name: string): string[] {
  const found: string[] = [];
  for (const [token] of name.matchAll(/[a-z]+|\d+(?:[^a-z0-9]*\d+)*/g)) found.push(/^\d/.test(token) ? token.replace(/\D/g, "") : token);
  return found;
}
