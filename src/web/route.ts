// The page's whole state lives in the URL's query string, so a view can be shared as a link and the back
// button walks through what was done. Pure: no DOM, so it can be tested anywhere.

export type View = "find" | "model" | "compare" | "cost";
export type SortKey = "name" | "release" | "context" | "input" | "output";
export const SORT_KEYS: readonly SortKey[] = ["name", "release", "context", "input", "output"];
export const PRICE_MODES = ["STANDARD", "BATCH", "FLEX", "PRIORITY", "FAST"] as const;
export const STATUSES = ["ACTIVE", "PREVIEW", "DEPRECATED", "RETIRED"] as const;
/** At most this many models are picked for a comparison or a price. */
export const MAX_PICKED = 4;

export interface Route {
  view: View;
  // find: a search and its filters
  q: string;
  author: string;
  provider: string;
  caps: string[];
  inMod: string[];
  outMod: string[];
  minContext: string;
  openWeights: "" | "yes" | "no";
  status: string;
  maxPrice: string;
  maxPriceKind: "INPUT" | "OUTPUT";
  sort: SortKey;
  /** Reverses the sort key's natural direction. */
  reverse: boolean;
  after: string;
  before: string;
  // the models picked to compare or price
  pick: string[];
  // model
  id: string;
  // cost: the workload (token and request counts as typed)
  input: string;
  output: string;
  cached: string;
  requests: string;
  mode: string;
  cheapest: boolean;
  /** An offering whose price history is shown. */
  history: string;
}

export const DEFAULT_ROUTE: Route = {
  view: "find",
  q: "",
  author: "",
  provider: "",
  caps: [],
  inMod: [],
  outMod: [],
  minContext: "",
  openWeights: "",
  status: "",
  maxPrice: "",
  maxPriceKind: "INPUT",
  sort: "name",
  reverse: false,
  after: "",
  before: "",
  pick: [],
  id: "",
  input: "",
  output: "",
  cached: "",
  requests: "",
  mode: "STANDARD",
  cheapest: false,
  history: "",
};

const LISTS = new Set<keyof Route>(["caps", "inMod", "outMod", "pick"]);
const FLAGS = new Set<keyof Route>(["reverse", "cheapest"]);

/** Reads a route from a query string (`?view=model&id=gpt-4.1-mini`); unknown or malformed values fall back to the defaults. */
export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const route: Route = { ...DEFAULT_ROUTE, caps: [], inMod: [], outMod: [], pick: [] };
  const writable = route as unknown as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_ROUTE) as (keyof Route)[]) {
    const value = params.get(key);
    if (value === null) continue;
    if (LISTS.has(key)) writable[key] = splitList(value);
    else if (FLAGS.has(key)) writable[key] = value === "1" || value === "true";
    else writable[key] = value;
  }
  if (!["find", "model", "compare", "cost"].includes(route.view)) route.view = "find";
  if (!SORT_KEYS.includes(route.sort)) route.sort = "name";
  if (route.openWeights !== "yes" && route.openWeights !== "no") route.openWeights = "";
  if (route.maxPriceKind !== "OUTPUT") route.maxPriceKind = "INPUT";
  if (!(PRICE_MODES as readonly string[]).includes(route.mode)) route.mode = "STANDARD";
  route.pick = route.pick.slice(0, MAX_PICKED);
  return route;
}

/** The query string of a route (`?view=cost&pick=a,b`), holding only what differs from the defaults; "/" for the default route. */
export function routeHref(route: Route): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_ROUTE) as (keyof Route)[]) {
    const value = route[key];
    const fallback = DEFAULT_ROUTE[key];
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else if (typeof value === "boolean") {
      if (value !== fallback) params.set(key, value ? "1" : "0");
    } else if (value !== fallback && value !== "") {
      params.set(key, value);
    }
  }
  const query = params.toString();
  return query === "" ? "/" : `/?${query.replace(/%2C/g, ",")}`;
}

/** `route` with `changes` applied; a change to the search or a filter goes back to the first page. */
export function withChanges(route: Route, changes: Partial<Route>): Route {
  const next = { ...route, ...changes };
  const paging = new Set(["after", "before", "view", "id", "history", "pick"]);
  if (Object.keys(changes).some((key) => !paging.has(key)) && !("after" in changes) && !("before" in changes)) {
    next.after = "";
    next.before = "";
  }
  return next;
}

/** The find state alone: what the Cost view prices when no model is picked. */
export function hasFindFilter(route: Route): boolean {
  return (
    route.q !== "" ||
    route.author !== "" ||
    route.provider !== "" ||
    route.caps.length > 0 ||
    route.inMod.length > 0 ||
    route.outMod.length > 0 ||
    route.minContext !== "" ||
    route.openWeights !== "" ||
    route.status !== "" ||
    route.maxPrice !== ""
  );
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item, index, all) => item !== "" && all.indexOf(item) === index);
}
