import type { DocumentFormat } from "./observation";

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ["foundry", "starmap", "models-dev", "openrouter"];

/**
 * The format of a document, from its content first and its name second; undefined when it is none
 * of the four. Cheap: looks at the start of the text only.
 */
export function detectFormat(path: string, text: string): DocumentFormat | undefined {
  const head = text.slice(0, 20_000);
  const trimmed = head.trimStart();
  if (/\.toml$/i.test(path)) return "models-dev";
  if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && /"(id|canonical_slug|context_length)"\s*:/.test(head)) return "openrouter";
  if (/img\.shields\.io\/badge\/|^#{1,3} .*(Technical Specifications|Provider Availability|Provider Information)/m.test(head)) return "starmap";
  if (/^(Model Specifications|The provider has not supplied this information\.)/m.test(head)) return "foundry";
  if (/\.md$/i.test(path) && (/^---\r?\n[\s\S]*?^title:/m.test(head) || /agentstation\/starmap|Starmap/.test(head))) return "starmap";
  if (/^[A-Za-z_][\w.-]*\s*=\s*\S/m.test(head) && /^\[[\w.-]+\]\s*$/m.test(head)) return "models-dev";
  return undefined;
}
