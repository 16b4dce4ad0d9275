import { defineFormat } from "../formatDefinition";
import { parseStarmapPage } from "./starmapPage.parser";

/** Pages of Starmap's generated catalog (markdown). */
export const starmapFormat = defineFormat({
  id: "starmap",
  label: "Starmap page",
  sourceFormat: "STARMAP",
  sourceName: "Starmap",
  loadRank: 2,
  revision: 1,
  detect(path, head) {
    if (/img\.shields\.io\/badge\/|^#{1,3} .*(Technical Specifications|Provider Availability|Provider Information)/m.test(head)) return "likely";
    // An index or README page of the catalog has no badges: its front matter or its naming Starmap says what it is.
    if (/\.md$/i.test(path) && (/^---\r?\n[\s\S]*?^title:/m.test(head) || /agentstation\/starmap|Starmap/.test(head))) return "possible";
    return undefined;
  },
  parse: (text, origin) => parseStarmapPage(text, origin),
});
