// Capability flags on Starmap model pages: shields.io badges ("tool__calls-✓", "temperature-core") and
// the ✅/❌ tables of the Capabilities and Generation Controls sections.

import type { CapabilityLevel, ParseIssue, Stated } from "../observation";
import { capabilityKey } from "../capabilityVocabulary";
import { badgesIn, type Line, type Table } from "./markdownPage";
import { at, badgeLevel, capabilityCell } from "./starmapValues";

export type Capabilities = Record<string, Stated<CapabilityLevel>>;

/** Badges that carry modality lists, not flags. */
export const MODALITY_BADGES = new Set(["input", "output"]);

/**
 * The columns of Starmap's capability tables and the flag each states. Columns the generator fills
 * without looking at the model ("Text Format" is always ✅) or that repeat another ("Function Call" is
 * Tool Calling again) are null: they state nothing of their own.
 */
const TABLE_COLUMNS: Record<string, string | null> = {
  "tool calling": "tool_calls",
  "tool definitions": "tools",
  "tool choice": "tool_choice",
  "web search": "web_search",
  "file attachments": "attachments",
  streaming: "streaming",
  "structured output": "structured_outputs",
  "json mode": "format_response",
  "function call": null,
  "text format": null,
  "basic reasoning": "reasoning",
  "reasoning effort": "reasoning_effort",
  "reasoning tokens": "reasoning_tokens",
  "include reasoning": "include_reasoning",
  "verbosity control": "verbosity",
  temperature: "temperature",
  "top-p": "top_p",
  "top-k": "top_k",
  "top-a": "top_a",
  "min-p": "min_p",
  "max tokens": "max_tokens",
  "stop sequences": "stop",
  "frequency penalty": "frequency_penalty",
  "presence penalty": "presence_penalty",
  "repetition penalty": "repetition_penalty",
  "logit bias": "logit_bias",
  "deterministic seed": "seed",
  "log probabilities": "logprobs",
};

/** The sections whose tables state capability flags; other tables (tags, architecture) do not. */
export const CAPABILITY_TABLE_SECTIONS = new Set([
  "core features",
  "response delivery",
  "advanced reasoning",
  "sampling & decoding",
  "length & termination",
  "repetition control",
  "advanced controls",
]);

/**
 * Records a flag unless the page already stated it; a later "core" refines an earlier plain "supported"
 * (the provider page's spec badges say "supported", its feature badges "core").
 */
export function stateCapability(capabilities: Capabilities, key: string, stated: Stated<CapabilityLevel>): void {
  const known = capabilities[key];
  if (!known || (known.value === "SUPPORTED" && stated.value === "CORE")) capabilities[key] = stated;
}

/** The flag badges of a line; modality badges are left to the caller. */
export function readCapabilityBadges(line: Line, capabilities: Capabilities): void {
  for (const badge of badgesIn(line.text)) {
    const key = capabilityKey(badge.label);
    if (key === "" || MODALITY_BADGES.has(key)) continue;
    const value = badgeLevel(badge.value);
    stateCapability(capabilities, key, { value, locator: at(line), raw: badge.value });
  }
}

/** The flags of a one-row capability table ("| Tool Calling | Web Search |" over "| ✅ | ❌ |"). */
export function readCapabilityTable(table: Table, capabilities: Capabilities, issues: ParseIssue[]): void {
  for (const row of table.rows) {
    table.header.forEach((column, i) => {
      const label = column.trim().toLowerCase();
      const key = label in TABLE_COLUMNS ? TABLE_COLUMNS[label] : capabilityKey(column);
      const cell = row.cells[i] ?? "";
      if (!key || cell === "" || cell === "-") return;
      const value = capabilityCell(cell);
      if (!value) {
        issues.push({ code: "UNKNOWN_VALUE", message: `"${column}" is neither supported nor unsupported: "${cell}"`, locator: at(row.line) });
        return;
      }
      stateCapability(capabilities, key, { value, locator: at(row.line), raw: cell });
    });
  }
}
