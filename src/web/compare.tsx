// Compare: two to four picked models in the API's comparison table, best values marked and
// differing rows highlighted; models are added by search and removed here too.
import { useEffect, useRef, useState } from "preact/hooks";
import { graphql } from "./api";
import { COMPARE_QUERY, SUGGEST_QUERY, type CompareData, type SuggestData } from "./queries";
import { DEFAULT_ROUTE, MAX_PICKED } from "./route";
import { Link, Status, useNavigation, useQuery } from "./ui";

const GROUPS = ["facts", "limits", "prices", "capabilities", "modalities", "dates"];

export function CompareView() {
  const { route } = useNavigation();
  const enough = route.pick.length >= 2;
  const loaded = useQuery<CompareData>(enough ? COMPARE_QUERY : null, { ids: route.pick }, route.pick.join(","));
  const comparison = enough ? loaded.data?.compareModels : undefined;
  return (
    <section aria-labelledby="compare-title">
      <h1 id="compare-title" tabIndex={-1}>
        Compare models
      </h1>
      <ModelPicker />
      {!enough && <p class="hint">Pick at least two models (up to {MAX_PICKED}): search above, or tick them in Find.</p>}
      {enough && <Status loaded={loaded} what="the comparison" />}
      {comparison && (
        <>
          <p class="legend-line">
            <span class="best-mark">★ best</span> marks the best known value of a row; <span class="differs-mark">highlighted</span> rows differ; “unknown” means no source says.
          </p>
          <div class="scroll">
            <table class="compare" aria-label="Comparison">
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  {comparison.models.map((model) => (
                    <th scope="col">
                      <Link to={{ ...DEFAULT_ROUTE, view: "model", id: model.id, pick: route.pick }}>{model.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              {GROUPS.map((group) => {
                const rows = comparison.rows.filter((row) => row.group === group);
                if (rows.length === 0) return null;
                return (
                  <tbody>
                    <tr class="group">
                      <th scope="colgroup" colSpan={comparison.models.length + 1}>
                        {group.charAt(0).toUpperCase() + group.slice(1)}
                      </th>
                    </tr>
                    {rows.map((row) => (
                      <tr class={row.differs ? "differs" : ""} data-key={row.key}>
                        <th scope="row">
                          {row.label}
                          {row.unit ? <span class="unit"> ({row.unit})</span> : null}
                        </th>
                        {row.cells.map((cell) => (
                          <td class={[cell.best ? "best" : "", cell.known ? "" : "unknown"].join(" ").trim()}>
                            {cell.known ? cell.value : "unknown"}
                            {cell.best && (
                              <span class="best-mark" aria-label="best">
                                {" "}
                                ★
                              </span>
                            )}
                            {cell.providerId && <span class="via"> via {cell.providerId}</span>}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The picked models, a search to add one, and removal buttons. */
export function ModelPicker() {
  const { route, go } = useNavigation();
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const full = route.pick.length >= MAX_PICKED;
  return (
    <div class="picker">
      <ul class="picked" aria-label="Picked models">
        {route.pick.map((id) => (
          <li>
            <Link to={{ ...DEFAULT_ROUTE, view: "model", id, pick: route.pick }}>{id}</Link>{" "}
            <button type="button" aria-label={`Remove ${id}`} onClick={() => go({ ...route, pick: route.pick.filter((other) => other !== id) })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label for="add-model">Add a model</label>
      <input
        id="add-model"
        type="search"
        autocomplete="off"
        disabled={full}
        placeholder={full ? `${MAX_PICKED} models picked` : "search by name or id"}
        value={text}
        onInput={(event) => {
          const search = event.currentTarget.value;
          setText(search);
          clearTimeout(timer.current);
          if (search.trim() === "") return setSuggestions([]);
          timer.current = setTimeout(() => {
            graphql<SuggestData>(SUGGEST_QUERY, { search }).then(
              (data) => {
                setError("");
                setSuggestions(data.models.edges.map((edge) => edge.node));
              },
              (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
            );
          }, 250);
        }}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul class="suggestions" aria-label="Matching models">
          {suggestions.map((model) => (
            <li>
              <button
                type="button"
                disabled={full || route.pick.includes(model.id)}
                onClick={() => {
                  setText("");
                  setSuggestions([]);
                  go({ ...route, pick: [...route.pick, model.id].slice(0, MAX_PICKED) });
                }}
              >
                Add {model.name} <span class="id">{model.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
