import { isSupported } from "../../catalog/capabilities/capabilityLevels";
import type { CapabilityValue } from "../../catalog/views";
import type { CapabilityFlag } from "./capability.type";

/** A record's capability values as the API shows them. */
export function toCapabilityFlags(values: readonly CapabilityValue[]): CapabilityFlag[] {
  return values.map((c) => ({ ...c, supported: isSupported(c.level) })) as CapabilityFlag[];
}
