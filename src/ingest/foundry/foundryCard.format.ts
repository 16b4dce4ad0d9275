import { defineFormat } from "../formatDefinition";
import { parseFoundryCard } from "./foundryCard.parser";

/** Microsoft Foundry model cards, scraped to plain text. */
export const foundryFormat = defineFormat({
  id: "foundry",
  label: "Foundry card",
  sourceFormat: "FOUNDRY",
  sourceName: "the Foundry card",
  loadRank: 3,
  revision: 1,
  detect: (_path, head) => (/^(Model Specifications|The provider has not supplied this information\.)/m.test(head) ? "likely" : undefined),
  parse: (text, origin) => parseFoundryCard(text, origin),
});
