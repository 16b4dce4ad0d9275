// Authors and providers go by different ids in different catalogs. The catalog keeps models.dev's ids
// (the broadest set) and maps the other spellings onto them here.

const AUTHOR_SYNONYMS: Record<string, string> = {
  "meta-llama": "meta",
  mistralai: "mistral",
  "x-ai": "xai",
  "z-ai": "zhipuai",
  "zhipu-ai": "zhipuai",
  moonshot: "moonshotai",
  qwen: "alibaba",
  "ibm-granite": "ibm",
  "bytedance-seed": "bytedance",
  "google-deepmind": "google",
  "zai-org": "zhipuai",
  "deepseek-ai": "deepseek",
  kimi: "moonshotai",
  minimaxai: "minimax",
  "ai21-labs": "ai21",
  "mistral-ai": "mistral",
  "qwen-team": "alibaba",
  // Bedrock's vendor prefix for Z.ai's models ("zai.glm-4.7") and StepFun's Hugging Face organisation.
  zai: "zhipuai",
  "stepfun-ai": "stepfun",
};

const PROVIDER_SYNONYMS: Record<string, string> = {
  "google-ai-studio": "google",
  "azure-openai": "azure",
  "microsoft-foundry": "azure",
  together: "togetherai",
  "together-ai": "togetherai",
  fireworks: "fireworks-ai",
  bedrock: "amazon-bedrock",
  vertex: "google-vertex",
  "google-vertex-ai": "google-vertex",
};

function normalizeId(id: string): string {
  return id.trim().toLowerCase();
}

/** The catalog's id for an author a document names ("meta-llama" → "meta"). */
export function canonicalAuthorId(id: string): string {
  const normalized = normalizeId(id);
  return AUTHOR_SYNONYMS[normalized] ?? normalized;
}

/** The catalog's id for a provider a document names ("google-ai-studio" → "google"). */
export function canonicalProviderId(id: string): string {
  const normalized = normalizeId(id);
  return PROVIDER_SYNONYMS[normalized] ?? normalized;
}
