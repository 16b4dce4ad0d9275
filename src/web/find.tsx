// Find: a search as you type, filters, a sortable table paged with the API's cursors; all in the URL.
import { useEffect, useRef, useState } from "preact/hooks";
import { graphql } from "./api";
import { formatCount, formatPrice, titleCase } from "./format";
import { CAPABILITIES_QUERY, CHOICES_QUERY, FIND_QUERY, findVariables, type Capability, type Choice, type FindData } from "./queries";
import { DEFAULT_ROUTE, MAX_PICKED, STATUSES, routeHref, withChanges, type Route, type SortKey } from "./route";
import { Link, RouteLink, Status, useNavigation, useQuery } from "./ui";

const SEARCH_DELAY_MS = 250;
const INPUT_MODALITIES = ["text", "image", "audio", "video", "pdf"];
const OUTPUT_MODALITIES = ["text", "image", "audio", "video", "embeddings"];
const SORTS: { key: SortKey; label: string }[] = [
  { key: "name", label: "Name (A–Z; best match first for a search)" },
  { key: "release", label: "Release date (newest first)" },
  { key: "context", label: "Context window (largest first)" },
  { key: "input", label: "Input price (cheapest first)" },
  { key: "output", label: "Output price (cheapest first)" },
];

let capabilitiesOnce: Promise<Capability[]> | undefined;
let choicesOnce: Promise<{ authors: Choice[]; providers: Choice[] }> | undefined;

/** The capability flags, asked for once per page. */
export function loadCapabilities(): Promise<Capability[]> {
  capabilitiesOnce ??= graphql<{ capabilities: Capability[] }>(CAPABILITIES_QUERY).then((data) => data.capabilities);
  capabilitiesOnce.catch(() => (capabilitiesOnce = undefined));
  return capabilitiesOnce;
}

type ChoicePage = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Choice }[] };

/** Every author and provider (two pages of 100 at most each), for the filters' suggestions. */
function loadChoices(): Promise<{ authors: Choice[]; providers: Choice[] }> {
  choicesOnce ??= (async () => {
    const authors: Choice[] = [];
    const providers: Choice[] = [];
    let authorsAfter: string | null = null;
    let providersAfter: string | null = null;
    for (let page = 0; page < 5; page++) {
      const wantAuthors: boolean = page === 0 || authorsAfter !== null;
      const wantProviders: boolean = page === 0 || providersAfter !== null;
      const data: { authors: ChoicePage; providers: ChoicePage } = await graphql(CHOICES_QUERY, { authorsAfter, providersAfter });
      if (wantAuthors) authors.push(...data.authors.edges.map((edge) => edge.node));
      if (wantProviders) providers.push(...data.providers.edges.map((edge) => edge.node));
      authorsAfter = wantAuthors && data.authors.pageInfo.hasNextPage ? data.authors.pageInfo.endCursor : null;
      providersAfter = wantProviders && data.providers.pageInfo.hasNextPage ? data.providers.pageInfo.endCursor : null;
      if (!authorsAfter && !providersAfter) break;
    }
    return { authors, providers };
  })();
  choicesOnce.catch(() => (choicesOnce = undefined));
  return choicesOnce;
}

let interactiveMarked = false;

export function FindView() {
  const { route, go } = useNavigation();
  const variables = findVariables(route);
  const key = JSON.stringify(variables);
  const loaded = useQuery<FindData>(FIND_QUERY, variables, key);
  const [capabilities, setCapabilities] = useState<Capability[]>([]);
  const [choices, setChoices] = useState<{ authors: Choice[]; providers: Choice[] }>({ authors: [], providers: [] });

  useEffect(() => {
    loadCapabilities().then(setCapabilities, () => undefined);
    // Suggestions can wait until the first answer is on screen.
    const timer = setTimeout(() => loadChoices().then(setChoices, () => undefined), 300);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (loaded.state === "done" && !interactiveMarked) {
      interactiveMarked = true;
      performance.mark("catalog-page-interactive");
    }
  }, [loaded.state]);

  const set = (changes: Partial<Route>, replace = false) => go(withChanges(route, changes), { replace });
  const models = loaded.data?.models;

  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title" tabIndex={-1}>
        Find a model
      </h1>
      <SearchBox value={route.q} onSearch={(q, replace) => set({ q }, replace)} />
      <Filters route={route} set={set} capabilities={capabilities} choices={choices} />
      <PickTray />
      <div class="toolbar">
        <label>
          Sort by{" "}
          <select id="sort" value={route.sort} onChange={(event) => set({ sort: event.currentTarget.value as SortKey, reverse: false })}>
            {SORTS.map((sort) => (
              <option value={sort.key}>{sort.label}</option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input type="checkbox" checked={route.reverse} onChange={(event) => set({ reverse: event.currentTarget.checked })} /> Reverse order
        </label>
        <span class="count" aria-live="polite">
          {models ? `${formatCount(models.totalCount)} models` : ""}
        </span>
      </div>
      <Status loaded={loaded} what="models" />
      {models && (
        <>
          <div class="scroll">
            <table class="results" aria-label="Models found" aria-busy={loaded.state === "loading" ? "true" : "false"}>
              <thead>
                <tr>
                  <th scope="col">Pick</th>
                  <th scope="col" aria-sort={sortState(route, "name")}>
                    Model
                  </th>
                  <th scope="col">Author</th>
                  <th scope="col" class="num" aria-sort={sortState(route, "context")}>
                    Context
                  </th>
                  <th scope="col" class="num">
                    Max output
                  </th>
                  <th scope="col" aria-sort={sortState(route, "release")}>
                    Released
                  </th>
                  <th scope="col" class="num" aria-sort={sortState(route, "input")}>
                    Input from
                  </th>
                  <th scope="col" class="num" aria-sort={sortState(route, "output")}>
                    Output from
                  </th>
                </tr>
              </thead>
              <tbody>
                {models.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <PickBox id={node.id} name={node.name} />
                    </td>
                    <th scope="row">
                      <Link to={{ ...DEFAULT_ROUTE, view: "model", id: node.id, pick: route.pick }}>{node.name}</Link>
                      <span class="id">{node.id}</span>
                    </th>
                    <td>{node.author?.name ?? "unknown"}</td>
                    <td class="num">{formatCount(node.contextWindow)}</td>
                    <td class="num">{formatCount(node.maxOutputTokens)}</td>
                    <td>{node.releaseDate ?? "unknown"}</td>
                    <td class="num">{node.input ? formatPrice(node.input.amount, node.input.currency) : "—"}</td>
                    <td class="num">{node.output ? formatPrice(node.output.amount, node.output.currency) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {models.edges.length === 0 && <p class="empty">No model matches. Loosen a filter or change the search.</p>}
          <nav class="pager" aria-label="Pages">
            {models.pageInfo.hasPreviousPage && models.pageInfo.startCursor ? (
              <RouteLink changes={{ before: models.pageInfo.startCursor, after: "" }}>← Previous page</RouteLink>
            ) : (
              <span />
            )}
            {models.pageInfo.hasNextPage && models.pageInfo.endCursor ? (
              <RouteLink changes={{ after: models.pageInfo.endCursor, before: "" }}>Next page →</RouteLink>
            ) : (
              <span />
            )}
          </nav>
          <p class="hint">Prices are each model's cheapest current base-tier price over its offerings, in USD per 1M tokens; free tiers and routers left out.</p>
        </>
      )}
    </section>
  );
}

function sortState(route: Route, key: SortKey): "ascending" | "descending" | undefined {
  if (route.sort !== key) return undefined;
  const natural = key === "release" || key === "context" ? "descending" : "ascending";
  return route.reverse ? (natural === "ascending" ? "descending" : "ascending") : natural;
}

/** The search box: it answers as one types (debounced), and a typing burst is one history entry. */
function SearchBox(props: { value: string; onSearch: (q: string, replace: boolean) => void }) {
  const [text, setText] = useState(props.value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useRef(false);
  const focused = useRef(false);
  useEffect(() => {
    // The back button (or a link) changed the search: show it, unless the user is typing.
    if (!focused.current) setText(props.value);
  }, [props.value]);
  return (
    <form role="search" class="search" onSubmit={(event) => event.preventDefault()}>
      <label for="search">Search models</label>
      <input
        id="search"
        type="search"
        value={text}
        placeholder="gpt 4.1 mini, llama 3.1 70b, claude…"
        autocomplete="off"
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          typing.current = false;
        }}
        onInput={(event) => {
          const q = event.currentTarget.value;
          setText(q);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            props.onSearch(q, typing.current);
            typing.current = true;
          }, SEARCH_DELAY_MS);
        }}
      />
    </form>
  );
}

function Filters(props: { route: Route; set: (changes: Partial<Route>) => void; capabilities: Capability[]; choices: { authors: Choice[]; providers: Choice[] } }) {
  const { route, set, capabilities, choices } = props;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((item) => item !== value));
  const categories = [...new Set(capabilities.map((capability) => capability.category))];
  return (
    <form class="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <div class="fields">
        <label>
          Author
          <input list="authors" value={route.author} placeholder="openai" onChange={(event) => set({ author: event.currentTarget.value.trim() })} />
        </label>
        <datalist id="authors">
          {choices.authors.map((author) => (
            <option value={author.id}>{author.name}</option>
          ))}
        </datalist>
        <label>
          Provider
          <input list="providers" value={route.provider} placeholder="azure" onChange={(event) => set({ provider: event.currentTarget.value.trim() })} />
        </label>
        <datalist id="providers">
          {choices.providers.map((provider) => (
            <option value={provider.id}>{provider.name}</option>
          ))}
        </datalist>
        <label>
          Min context window
          <input inputMode="numeric" value={route.minContext} placeholder="128000" onChange={(event) => set({ minContext: event.currentTarget.value.trim() })} />
        </label>
        <label>
          Open weights
          <select value={route.openWeights} onChange={(event) => set({ openWeights: event.currentTarget.value as Route["openWeights"] })}>
            <option value="">any</option>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        </label>
        <label>
          Status
          <select value={route.status} onChange={(event) => set({ status: event.currentTarget.value })}>
            <option value="">any</option>
            {STATUSES.map((status) => (
              <option value={status}>{titleCase(status)}</option>
            ))}
          </select>
        </label>
        <label>
          Price ceiling (USD / 1M)
          <input inputMode="decimal" value={route.maxPrice} placeholder="1.00" onChange={(event) => set({ maxPrice: event.currentTarget.value.trim() })} />
        </label>
        <label>
          Ceiling applies to
          <select value={route.maxPriceKind} onChange={(event) => set({ maxPriceKind: event.currentTarget.value as Route["maxPriceKind"] })}>
            <option value="INPUT">input price</option>
            <option value="OUTPUT">output price</option>
          </select>
        </label>
      </div>
      <div class="fields">
        <fieldset>
          <legend>Input modalities (all of)</legend>
          {INPUT_MODALITIES.map((modality) => (
            <label class="inline">
              <input type="checkbox" checked={route.inMod.includes(modality)} onChange={(event) => set({ inMod: toggle(route.inMod, modality, event.currentTarget.checked) })} /> {modality}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Output modalities (all of)</legend>
          {OUTPUT_MODALITIES.map((modality) => (
            <label class="inline">
              <input type="checkbox" checked={route.outMod.includes(modality)} onChange={(event) => set({ outMod: toggle(route.outMod, modality, event.currentTarget.checked) })} /> {modality}
            </label>
          ))}
        </fieldset>
      </div>
      <details class="capabilities" open={route.caps.length > 0}>
        <summary>Capabilities (all of){route.caps.length > 0 ? `: ${route.caps.join(", ")}` : ""}</summary>
        {categories.map((category) => (
          <fieldset>
            <legend>{titleCase(category)}</legend>
            {capabilities
              .filter((capability) => capability.category === category)
              .map((capability) => (
                <label class="inline">
                  <input type="checkbox" checked={route.caps.includes(capability.key)} onChange={(event) => set({ caps: toggle(route.caps, capability.key, event.currentTarget.checked) })} />{" "}
                  {capability.name}
                </label>
              ))}
          </fieldset>
        ))}
      </details>
      <p>
        <a href={routeHref({ ...DEFAULT_ROUTE, pick: route.pick })} class="clear">
          Clear the search and filters
        </a>
      </p>
    </form>
  );
}

/** A model picked (up to {@link MAX_PICKED}) to compare or to price. */
export function PickBox(props: { id: string; name: string }) {
  const { route, go } = useNavigation();
  const picked = route.pick.includes(props.id);
  const full = route.pick.length >= MAX_PICKED && !picked;
  return (
    <input
      type="checkbox"
      aria-label={`Pick ${props.name}`}
      title={full ? `At most ${MAX_PICKED} models` : "Pick to compare or price"}
      checked={picked}
      disabled={full}
      onChange={(event) => {
        const pick = event.currentTarget.checked ? [...route.pick, props.id] : route.pick.filter((id) => id !== props.id);
        go({ ...route, pick });
      }}
    />
  );
}

/** The picked models, and where to take them. */
export function PickTray() {
  const { route, go } = useNavigation();
  if (route.pick.length === 0) return <p class="hint">Pick two to four models to compare them or price a workload on them.</p>;
  return (
    <div class="tray" aria-label="Picked models">
      <span>Picked:</span>
      <ul>
        {route.pick.map((id) => (
          <li>
            {id}{" "}
            <button type="button" aria-label={`Remove ${id}`} onClick={() => go({ ...route, pick: route.pick.filter((other) => other !== id) })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <Link to={{ ...route, view: "compare", id: "", history: "" }} class="button">
        Compare {route.pick.length}
      </Link>
      <Link to={{ ...route, view: "cost", id: "", history: "" }} class="button">
        Price a workload
      </Link>
    </div>
  );
}
