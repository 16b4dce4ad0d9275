// The forms one model's name takes in different documents, as rules: each says what it rewrites, why the
// documents show the two forms to be one model, and examples of what it merges and what it must leave
// apart (the examples are tested, test/catalog/identity/modelNameForms.test.ts). The identity rules
// (modelIdentity.ts) look a name up under each form these rules give, most literal first; a form only
// ever finds a model the catalog already has, it never invents one.

/** What a document says around a name: the provider whose file it is, if any. */
export interface NameContext {
  providerId?: string;
}

/** A name rewritten by the rules, with the author its spelling reveals ("meta." in "meta.llama3-…"). */
export interface NameForm {
  name: string;
  authorHint?: string;
  /** The rules that produced this form, in order. */
  rules: string[];
}

export interface NameRule {
  id: string;
  why: string;
  /** Name pairs this rule (with the ones before it) makes one model. */
  merges: readonly (readonly [string, string])[];
  /** Name pairs that must stay apart although this rule is about their form. */
  keepsApart: readonly (readonly [string, string])[];
}

/** Marks a form offered beside the main line of rewriting ("deepseek.r1" → "deepseek-r1" beside "r1"). */
export const ALTERNATIVE = "alternative";

/** Marks the full model id Vertex writes after an "@" ("gemma3@gemma-3-1b-it"): the name before it is the family. */
export const VERTEX_FULL_ID = "vertex-full-id";

/** Bedrock's cross-region inference profiles: "us.anthropic.claude-…", "global.…". */
const BEDROCK_REGION = /^(us|eu|apac|ap|global|us-gov|ca|jp|au)\./;
/** Bedrock's "<vendor>.<model>" ("anthropic.claude-haiku-4-5-…", "meta.llama3-1-70b-…"). */
const BEDROCK_VENDOR = /^([a-z][a-z0-9-]*)\.(?=[a-z])/;
/** Bedrock's deployment version: "-v1:0", "-1:0", a bare "-v1"; "-v2" is a model's own generation (nemotron-nano-12b-v2). */
const BEDROCK_VERSION = /-(v\d+:\d+|\d+:\d+|v1)$/;
/** Path segments that are a provider's namespace words, never an author ("accounts/fireworks/models/…"). */
const NAMESPACE_WORDS = new Set(["accounts", "models", "routers", "@cf", "workers-ai", "pro", "public", "tee", "chat-completion", "hf:"]);
/** OpenRouter's and Kilo's routing variants of one model; ":thinking" is another model and stays. */
const ROUTING_VARIANT = /:(free|beta|extended|nitro|floor|online|exacto)$/;
/** Vertex's version after "@": a revision ("@001"), "@default", "@latest", or a date handled as a snapshot. */
const VERTEX_REVISION = /@(\d{3}|default|latest)$/;

/** The rules, in the order they apply; the identity key (below) then reads punctuation and word order away. */
export const NAME_RULES: readonly NameRule[] = [
  {
    id: "author-prefix",
    why: "OpenRouter's and models.dev's <author>/<model> names the model <model> of that author",
    merges: [["openai/gpt-4.1-mini", "gpt-4.1-mini"]],
    keepsApart: [["nousresearch/llama-3-8b", "meta-llama/llama-3-8b"]],
  },
  {
    id: "provider-path",
    why: "a provider's path to a model names the model at its end: Fireworks accounts/fireworks/models/…, Workers AI @cf/<author>/…, SiliconFlow Pro/<author>/…, hf:<author>/…, a TEE or a host's prefix",
    merges: [
      ["accounts/fireworks/models/gpt-oss-20b", "gpt-oss-20b"],
      ["workers-ai/@cf/openai/gpt-oss-20b", "gpt-oss-20b"],
      ["pro/moonshotai/kimi-k2.6", "kimi-k2.6"],
      ["hf:openai/gpt-oss-120b", "gpt-oss-120b"],
    ],
    keepsApart: [["accounts/fireworks/models/gpt-oss-20b", "gpt-oss-120b"]],
  },
  {
    id: "fireworks-decimal",
    why: "Fireworks writes a version's point as p (kimi-k2p6 is Kimi K2.6), only in its own ids",
    merges: [["accounts/fireworks/models/kimi-k2p6", "kimi-k2.6"]],
    keepsApart: [["accounts/fireworks/models/kimi-k2p6", "kimi-k2.5"]],
  },
  {
    id: "bedrock-id",
    why: "Bedrock's [region.]<vendor>.<model>[-v1:0] is the vendor's model in one region's deployment",
    merges: [
      ["us.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5-20251001"],
      ["meta.llama3-1-70b-instruct-v1:0", "llama-3.1-70b-instruct"],
      ["deepseek.r1-v1:0", "deepseek-r1"],
    ],
    keepsApart: [["meta.llama3-1-70b-instruct-v1:0", "llama-3.1-8b-instruct"]],
  },
  {
    id: "publisher-prefix",
    why: "Azure, DigitalOcean, SAP AI Core and Databricks write the author or themselves in front (anthropic-claude-…, anthropic--claude-…, databricks-…)",
    merges: [
      ["anthropic-claude-3.5-haiku", "claude-3.5-haiku"],
      ["anthropic--claude-4.5-opus", "claude-opus-4-5"],
      ["databricks-gpt-oss-20b", "gpt-oss-20b"],
    ],
    keepsApart: [
      ["deepseek-latest", "kimi-latest"],
      ["mistral-large", "large"],
    ],
  },
  {
    id: "vertex-version",
    why: "Vertex names a model <model>@<version>: a revision (@001), @default, @latest, a date, or the full model id after the @",
    merges: [
      ["claude-3-5-haiku@20241022", "claude-3-5-haiku-20241022"],
      ["gemini-2.0-flash-001@default", "gemini-2.0-flash-001"],
      ["qwen3-coder@qwen3-coder-480b-a35b-instruct", "qwen3-coder-480b-a35b-instruct"],
      ["llama-3.3-70b-instruct-maas@001", "llama-3.3-70b-instruct"],
    ],
    keepsApart: [["claude-3-5-sonnet@20240620", "claude-3-5-sonnet-20241022"]],
  },
  {
    id: "vertex-maas",
    why: "Vertex's -maas is its model-as-a-service deployment of the same model",
    merges: [["gpt-oss-120b-maas", "gpt-oss-120b"]],
    keepsApart: [],
  },
  {
    id: "routing-variant",
    why: "OpenRouter's :free, :beta, :nitro… and a -free tier route to the same model; :thinking is a model of its own",
    merges: [
      ["gpt-oss-20b:free", "gpt-oss-20b"],
      ["kimi-k2.5-free", "kimi-k2.5"],
    ],
    keepsApart: [["deepseek-v3.2:thinking", "deepseek-v3.2"]],
  },
  {
    id: "version-punctuation",
    why: "3-5, 3.5, 3_5 and 3 5 write one version; claude-haiku-3.5 and claude-3-5-haiku the same words in another order; a size after a colon (gpt-oss:120b) is the size",
    merges: [
      ["claude-3-5-haiku", "claude-3.5-haiku"],
      ["claude-haiku-3.5", "claude-3-5-haiku"],
      ["gpt-oss:120b", "gpt-oss-120b"],
      ["llama3.3-70b-instruct", "llama-3.3-70b-instruct"],
    ],
    keepsApart: [
      ["gpt-4o", "gpt-4o-mini"],
      ["llama-3.1-70b", "llama-3.1-8b"],
      ["claude-opus-4-5", "claude-opus-4-1"],
      ["qwen3-235b-a22b", "qwen3-235b-a22b-instruct-2507"],
    ],
  },
  {
    id: "snapshot",
    why: "a dated snapshot (-2024-10-22, -20241022, @20241022) or -latest names its model when the author has no snapshot of its own by that name; two dated snapshots never meet",
    merges: [
      ["claude-3-5-haiku", "claude-3-5-haiku-20241022"],
      ["claude-3-5-haiku-latest", "claude-3-5-haiku-20241022"],
    ],
    keepsApart: [["gpt-4o-2024-05-13", "gpt-4o-2024-08-06"]],
  },
  {
    id: "instruct",
    why: "a host that drops -instruct serves the instruct model when the author publishes no base model of that name",
    merges: [["llama-3.1-70b", "llama-3.1-70b-instruct"]],
    keepsApart: [],
  },
];

/**
 * The forms of `name` to look up, most literal first: the name as given, then with the provider's path,
 * Bedrock's region, vendor and version, a publisher prefix, Vertex's version and -maas, and a routing
 * variant removed, one after another. Each form keeps the author its spelling revealed.
 */
export function nameForms(name: string, context: NameContext = {}): readonly NameForm[] {
  const key = `${context.providerId ?? ""}\u0000${name}`;
  let forms = formsByName.get(key);
  if (!forms) {
    if (formsByName.size >= MEMO_LIMIT) formsByName.clear();
    formsByName.set(key, (forms = computeNameForms(name, context)));
  }
  return forms;
}

const formsByName = new Map<string, readonly NameForm[]>();

function computeNameForms(name: string, context: NameContext): NameForm[] {
  const forms: NameForm[] = [];
  const add = (form: NameForm) => {
    if (form.name !== "" && !forms.some((f) => f.name === form.name)) forms.push(form);
  };
  let current: NameForm = { name: name.trim().toLowerCase(), rules: [] };
  add(current);
  const step = (rule: string, next: string | undefined, authorHint?: string) => {
    if (next === undefined || next === current.name || next === "") return;
    current = { name: next, authorHint: authorHint ?? current.authorHint, rules: [...current.rules, rule] };
    add(current);
  };

  // Paths: "<author>/<model>" or a provider's longer path; the segment before the model may be its author.
  const segments = current.name.split("/");
  if (segments.length > 1) {
    const last = segments[segments.length - 1];
    const owner = segments[segments.length - 2].replace(/^hf:/, "");
    const hint = NAMESPACE_WORDS.has(owner) || owner.startsWith("@") ? undefined : owner;
    const isFireworks = segments[0] === "accounts" && segments[1] === "fireworks";
    step(segments.length === 2 ? "author-prefix" : "provider-path", last, hint);
    if (isFireworks || context.providerId === "fireworks-ai") step("fireworks-decimal", current.name.replace(/(\d)p(\d)/g, "$1.$2"));
  } else if (context.providerId === "fireworks-ai") {
    step("fireworks-decimal", current.name.replace(/(\d)p(\d)/g, "$1.$2"));
  }

  // Bedrock: region, then vendor, then its deployment version. The vendor-less and "<vendor>-<model>"
  // forms are both offered ("deepseek.r1" is the model deepseek-r1).
  const region = current.name.replace(BEDROCK_REGION, "");
  const vendor = BEDROCK_VENDOR.exec(region);
  if (vendor && (region !== current.name || BEDROCK_VERSION.test(region) || context.providerId === "amazon-bedrock")) {
    const bare = region.slice(vendor[0].length).replace(BEDROCK_VERSION, "");
    step("bedrock-id", bare, vendor[1]);
    add({ ...current, name: `${vendor[1]}-${bare}`, rules: [...current.rules, ALTERNATIVE] });
  } else {
    step("bedrock-id", current.name.replace(/-v\d+:\d+$/, ""));
  }

  // "x@y": the full id after the @ first, then the name before it.
  const at = current.name.indexOf("@");
  if (at > 0) {
    const after = current.name.slice(at + 1);
    const fullId = /[a-z]/.test(after) && after.includes("-") && !VERTEX_REVISION.test(current.name);
    step("vertex-version", current.name.replace(VERTEX_REVISION, "").replace(/@([a-z0-9.-]+)$/, (_m, v: string) => (/^\d{8}$/.test(v) ? `-${v}` : "")));
    if (fullId && after !== current.name) forms.splice(forms.length - 1, 0, { ...current, name: after, rules: [...current.rules, VERTEX_FULL_ID, ALTERNATIVE] });
  }
  step("vertex-maas", current.name.replace(/-maas$/, ""));
  step("routing-variant", current.name.replace(ROUTING_VARIANT, "").replace(/-free$/, ""));
  return forms;
}

/** The last form of the main line: the name without a provider's path, Bedrock's and Vertex's dressing, -maas or a routing variant. */
export function mainForm(name: string, context: NameContext = {}): NameForm {
  const forms = nameForms(name, context);
  return [...forms].reverse().find((f) => !f.rules.includes(ALTERNATIVE)) ?? forms[0];
}

/**
 * The forms of `name` without a publisher prefix: `prefixes` are the ids that may stand in front (the
 * document's provider, the catalog's authors). Looked up only after every form of `nameForms`.
 */
export function withoutPublisherPrefix(form: NameForm, prefixes: (prefix: string) => boolean): NameForm | undefined {
  const match = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)?)(--|-|\.)(?=[a-z])/.exec(form.name);
  if (!match) return undefined;
  const candidates = [match[1], match[1].split("-")[0]];
  for (const prefix of candidates) {
    const rest = form.name.slice(prefix.length).replace(/^(--|-|\.)/, "");
    // What is left must still name a version ("deepseek-latest" is not the model "latest", nor
    // "mistral-large" the model "large").
    if (prefixes(prefix) && /[a-z]/.test(rest) && /\d/.test(rest) && rest !== form.name) {
      return { name: rest, authorHint: form.authorHint ?? prefix, rules: [...form.rules, "publisher-prefix"] };
    }
  }
  return undefined;
}

/** A dated snapshot at the end of a name: -2024-10-22, -20241022 (eight digits that read as a date). */
const SNAPSHOT_DATE = /[-_@](20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])$/;

/** The snapshot date a name ends with, as an ISO day ("claude-3-5-haiku-20241022" → "2024-10-22"). */
export function snapshotDateOf(name: string): string | undefined {
  const match = SNAPSHOT_DATE.exec(name.trim().toLowerCase());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The name without its snapshot date or -latest ("claude-3-5-haiku-20241022" → "claude-3-5-haiku"). */
export function withoutSnapshot(name: string): string {
  return name.trim().toLowerCase().replace(SNAPSHOT_DATE, "").replace(/-latest$/, "");
}

/**
 * The key names of one model share: lower-case words and numbers, a version's numbers joined by points
 * whatever separated them ("3-5", "3.5", "3_5" → "3.5"; a size stays its own: "3.1-70b" → "3.1.70", "b"),
 * a snapshot date as one token, in sorted order ("claude-haiku-3.5" meets "claude-3-5-haiku").
 */
export function identityKey(name: string): string {
  return memo(identityKeys, name, () => keyTokens(name).sort().join(" "));
}

/** The identity key without the snapshot date, -latest and the word instruct: where snapshots and hosts meet. */
export function looseIdentityKey(name: string): string {
  return memo(looseIdentityKeys, name, () =>
    keyTokens(withoutSnapshot(name))
      .filter((t) => t !== "instruct")
      .sort()
      .join(" "),
  );
}

// A seed asks for the keys of the same few thousand names tens of thousands of times; the keys are pure
// functions of the name. Bounded, so a long-running server importing many documents does not grow them.
const identityKeys = new Map<string, string>();
const looseIdentityKeys = new Map<string, string>();
const MEMO_LIMIT = 50_000;

function memo(cache: Map<string, string>, name: string, compute: () => string): string {
  let value = cache.get(name);
  if (value === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(name, (value = compute()));
  }
  return value;
}

/** Whether a name's key carries a snapshot date or -latest (a snapshot rather than its model). */
export function isSnapshotName(name: string): boolean {
  return withoutSnapshot(name) !== name.trim().toLowerCase();
}

function keyTokens(name: string): string[] {
  let text = name.trim().toLowerCase();
  const date = snapshotDateOf(text);
  if (date) text = text.replace(SNAPSHOT_DATE, "");
  const tokens: string[] = [];
  // A version's trailing zero says nothing: "4-0" and "4", "2.0" and "2" are one version.
  for (const [token] of text.matchAll(/[a-z]+|\d+(?:[._:-]\d+)*/g)) tokens.push(/^\d/.test(token) ? token.replace(/[._:-]/g, ".").replace(/(\.0)+$/, "") : token);
  if (date) tokens.push(`@${date}`);
  return tokens;
}
