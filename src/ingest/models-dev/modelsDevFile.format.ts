import { defineFormat } from "../formatDefinition";
import { parseModelsDevFile } from "./modelsDevFile.parser";

/** The TOML files of models.dev's data tree (providers/<p>/provider.toml, providers/<p>/models/*.toml, models/<author>/*.toml). */
export const modelsDevFormat = defineFormat({
  id: "models-dev",
  label: "models.dev TOML",
  sourceFormat: "MODELS_DEV",
  sourceName: "models.dev",
  loadRank: 1,
  revision: 2,
  detect(path, head) {
    if (/\.toml$/i.test(path)) return "certain";
    if (/^[A-Za-z_][\w.-]*\s*=\s*\S/m.test(head) && /^\[[\w.-]+\]\s*$/m.test(head)) return "possible";
    return undefined;
  },
  parse: (text, origin, context) => parseModelsDevFile(text, origin, context.baseOf),
});
