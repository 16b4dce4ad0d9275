// The capability flags the catalog knows, one key each, and the spellings documents use for them.
// Parsers name a capability by `capabilityKey(label)`; a label not listed here keeps its own
// snake_case key, so a new flag in a document is still recorded rather than dropped.

export type CapabilityCategory = "features" | "generation_controls" | "modalities" | "delivery";

export interface CapabilityDefinition {
  key: string;
  name: string;
  category: CapabilityCategory;
  description: string;
}

export const CAPABILITIES: readonly CapabilityDefinition[] = [
  { key: "tool_calls", name: "Tool calls", category: "features", description: "The model can call functions or tools the request defines." },
  { key: "tools", name: "Tools parameter", category: "features", description: "The API accepts a list of tool definitions with the request." },
  { key: "tool_choice", name: "Tool choice", category: "features", description: "The request can force, forbid or pick the tool the model calls." },
  { key: "parallel_tool_calls", name: "Parallel tool calls", category: "features", description: "The model can call several tools in one turn." },
  { key: "structured_outputs", name: "Structured outputs", category: "features", description: "Output constrained to a JSON schema the request gives." },
  { key: "format_response", name: "Response format", category: "features", description: "The request can ask for a response format such as a JSON object." },
  { key: "reasoning", name: "Reasoning", category: "features", description: "The model thinks before answering (reasoning or thinking tokens)." },
  { key: "include_reasoning", name: "Include reasoning", category: "features", description: "The response can include the model's reasoning text." },
  { key: "reasoning_effort", name: "Reasoning effort", category: "generation_controls", description: "The request can set how much the model reasons." },
  { key: "text", name: "Text generation", category: "modalities", description: "The model reads and writes text." },
  { key: "vision", name: "Vision", category: "modalities", description: "The model accepts images as input." },
  { key: "audio", name: "Audio", category: "modalities", description: "The model accepts or produces audio." },
  { key: "attachments", name: "File attachments", category: "modalities", description: "The model accepts files (such as PDFs) attached to a message." },
  { key: "web_search", name: "Web search", category: "features", description: "The model can search the web while answering." },
  { key: "streaming", name: "Streaming", category: "delivery", description: "The response can be streamed as it is generated." },
  { key: "logprobs", name: "Log probabilities", category: "features", description: "The response can include token log probabilities." },
  { key: "top_logprobs", name: "Top log probabilities", category: "features", description: "The response can include the most likely alternatives per token." },
  { key: "temperature", name: "Temperature", category: "generation_controls", description: "The request can set the sampling temperature." },
  { key: "top_p", name: "Top-p", category: "generation_controls", description: "The request can set nucleus sampling (top-p)." },
  { key: "top_k", name: "Top-k", category: "generation_controls", description: "The request can limit sampling to the k most likely tokens." },
  { key: "min_p", name: "Min-p", category: "generation_controls", description: "The request can set min-p sampling." },
  { key: "top_a", name: "Top-a", category: "generation_controls", description: "The request can set top-a sampling." },
  { key: "max_tokens", name: "Max tokens", category: "generation_controls", description: "The request can cap the number of output tokens." },
  { key: "stop", name: "Stop sequences", category: "generation_controls", description: "The request can give sequences that end generation." },
  { key: "seed", name: "Seed", category: "generation_controls", description: "The request can set a seed for repeatable sampling." },
  { key: "frequency_penalty", name: "Frequency penalty", category: "generation_controls", description: "The request can penalize tokens by how often they appeared." },
  { key: "presence_penalty", name: "Presence penalty", category: "generation_controls", description: "The request can penalize tokens that already appeared." },
  { key: "repetition_penalty", name: "Repetition penalty", category: "generation_controls", description: "The request can penalize repetition." },
  { key: "logit_bias", name: "Logit bias", category: "generation_controls", description: "The request can raise or lower the odds of given tokens." },
  { key: "verbosity", name: "Verbosity", category: "generation_controls", description: "The request can set how long the answer should be." },
];

/** Other spellings documents use, mapped to the catalog's key. */
const SYNONYMS: Record<string, string> = {
  tool_call: "tool_calls",
  function_calling: "tool_calls",
  structured_output: "structured_outputs",
  response_format: "format_response",
  attachment: "attachments",
  stream: "streaming",
  web_search_options: "web_search",
};

/** The catalog key for a document's label ("tool__calls", "Tool Calls", "tool_call" → "tool_calls"). */
export function capabilityKey(label: string): string {
  const key = label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return SYNONYMS[key] ?? key;
}

const BY_KEY = new Map(CAPABILITIES.map((c) => [c.key, c]));

/** The definition of a key; a key no document vocabulary lists gets a name made from the key itself. */
export function capabilityDefinition(key: string): CapabilityDefinition {
  return (
    BY_KEY.get(key) ?? {
      key,
      name: key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
      category: "features",
      description: `The "${key}" flag as a source document states it.`,
    }
  );
}
