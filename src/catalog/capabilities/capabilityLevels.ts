import { capabilityKey } from "../../ingest/capabilityVocabulary";
import type { CapabilityLevel, CapabilityValue } from "../views";

/** Whether a level means the capability is there (supported, or a core parameter). */
export function isSupported(level: CapabilityLevel): boolean {
  return level !== "NOT_SUPPORTED";
}

/** Whether a set of flags says a capability is there: true (supported or core), false (not supported), or null (no one says). */
export function supports(capabilities: readonly CapabilityValue[], label: string): boolean | null {
  const key = capabilityKey(label);
  const found = capabilities.find((c) => c.key === key);
  return found ? isSupported(found.level) : null;
}
