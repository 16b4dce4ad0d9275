import { defineFormat } from "../formatDefinition";
import { parseOpenRouterModels } from "./openrouterModels.parser";

/** OpenRouter's model list (the JSON of GET /api/v1/models). */
export const openRouterFormat = defineFormat({
  id: "openrouter",
  label: "OpenRouter model list",
  sourceFormat: "OPENROUTER",
  sourceName: "OpenRouter",
  loadRank: 4,
  revision: 2,
  detect(_path, head) {
    const trimmed = head.trimStart();
    return (trimmed.startsWith("{") || trimmed.startsWith("[")) && /"(id|canonical_slug|context_length)"\s*:/.test(head) ? "certain" : undefined;
  },
  parse: (text, origin) => parseOpenRouterModels(text, origin),
});
