// Cost: a workload priced by estimateCost on every offering of the picked models (or of the models the
// search and filters select), cheapest first, as a table and a bar chart; an offering's price history.
import { useEffect, useState } from "preact/hooks";
import { BarChart, PriceHistory } from "./charts";
import { ModelPicker } from "./compare";
import { formatCost, formatCount, titleCase } from "./format";
import { COST_LIMIT, COST_QUERY, modelFilter, workloadOf, type CostData } from "./queries";
import { DEFAULT_ROUTE, PRICE_MODES, hasFindFilter, routeHref, withChanges, type Route } from "./route";
import { Link, RouteLink, Status, useNavigation, useQuery } from "./ui";

type Workload = Pick<Route, "input" | "output" | "cached" | "requests" | "mode" | "cheapest">;

const EXAMPLE: Workload = { input: "1000000", output: "200000", cached: "", requests: "1000", mode: "STANDARD", cheapest: false };

export function CostView() {
  const { route, go } = useNavigation();
  const [form, setForm] = useState<Workload>(() => (hasWorkload(route) ? pickWorkload(route) : EXAMPLE));
  useEffect(() => {
    if (hasWorkload(route)) setForm(pickWorkload(route));
  }, [routeHref(route)]);

  const priced = hasWorkload(route);
  const filter = route.pick.length > 0 ? { ids: route.pick } : modelFilter(route);
  const variables = { workload: workloadOf(route), filter, first: COST_LIMIT, cheapestPerModel: route.cheapest };
  const loaded = useQuery<CostData>(priced ? COST_QUERY : null, variables, JSON.stringify(variables));
  const result = priced ? loaded.data?.estimateCost : undefined;
  const scope =
    route.pick.length > 0
      ? `every offering of the picked models (${route.pick.join(", ")})`
      : hasFindFilter(route)
        ? "every offering of the models your search and filters select"
        : "every offering in the catalog";

  const field = (key: keyof Workload, label: string, hint: string) => (
    <div class="field">
      <label for={`workload-${key}`}>{label}</label>
      <input
        id={`workload-${key}`}
        name={key}
        inputMode="numeric"
        value={String(form[key])}
        aria-describedby={`${key}-hint`}
        onInput={(event) => setForm({ ...form, [key]: event.currentTarget.value })}
      />
      <small id={`${key}-hint`}>{hint}</small>
    </div>
  );

  return (
    <section aria-labelledby="cost-title">
      <h1 id="cost-title" tabIndex={-1}>
        What would it cost?
      </h1>
      <ModelPicker />
      <form
        class="workload"
        aria-label="Workload"
        onSubmit={(event) => {
          event.preventDefault();
          go(withChanges(route, { ...form, history: "" }));
        }}
      >
        <div class="fields">
          {field("input", "Input tokens", "prompt tokens not read from a cache, over all requests")}
          {field("output", "Output tokens", "completion tokens, over all requests")}
          {field("cached", "Cached input tokens", "prompt tokens read from the cache")}
          {field("requests", "Requests", "how many requests carry those tokens")}
          <label>
            Mode
            <select value={form.mode} onChange={(event) => setForm({ ...form, mode: event.currentTarget.value })}>
              {PRICE_MODES.map((mode) => (
                <option value={mode}>{titleCase(mode)}</option>
              ))}
            </select>
          </label>
        </div>
        <label class="inline">
          <input type="checkbox" checked={form.cheapest} onChange={(event) => setForm({ ...form, cheapest: event.currentTarget.checked })} /> Only each model's cheapest offering
        </label>
        <p>
          Priced on {scope}.{" "}
          {route.pick.length === 0 && hasFindFilter(route) && <Link to={{ ...route, view: "find" }}>See or change them</Link>}
        </p>
        <button type="submit">Price it</button>
      </form>
      {route.history !== "" && <PriceHistory offeringId={route.history} />}
      {priced && <Status loaded={loaded} what="the estimates" />}
      {result && (
        <>
          <h2>
            {result.estimates.length === result.totalCount
              ? `${formatCount(result.totalCount)} offerings, cheapest first`
              : `The cheapest ${result.estimates.length} of ${formatCount(result.totalCount)} offerings`}
          </h2>
          {result.estimates.length === 0 ? (
            <p class="empty">No offering prices this workload{route.mode !== "STANDARD" ? ` in ${titleCase(route.mode)} mode` : ""}.</p>
          ) : (
            <>
              <BarChart
                title={`Total cost of the workload per offering (${result.estimates.length} bars)`}
                bars={result.estimates.map((estimate) => ({
                  key: estimate.offering.id,
                  label: `${estimate.model.name} · ${estimate.offering.provider.name}`,
                  amount: estimate.total,
                  currency: estimate.currency,
                }))}
              />
              <div class="scroll">
                <table class="estimates" aria-label="Estimates">
                  <thead>
                    <tr>
                      <th scope="col">Model</th>
                      <th scope="col">Provider</th>
                      <th scope="col" class="num">
                        Total
                      </th>
                      <th scope="col">How</th>
                      <th scope="col">History</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.estimates.map((estimate) => (
                      <tr data-offering={estimate.offering.id}>
                        <th scope="row">
                          <Link to={{ ...DEFAULT_ROUTE, view: "model", id: estimate.model.id, pick: route.pick }}>{estimate.model.name}</Link>
                        </th>
                        <td>
                          {estimate.offering.provider.name} <span class="id">{estimate.offering.id}</span>
                        </td>
                        <td class="num">{formatCost(estimate.total, estimate.currency)}</td>
                        <td class="lines">
                          {estimate.lines.map((line) => `${titleCase(line.kind)} ${formatCost(line.amount, estimate.currency)}`).join(" + ")}
                          {estimate.tierAbove > 0 && ` (long-context tier above ${formatCount(estimate.tierAbove)})`}
                          {!estimate.complete && <span class="warn"> · no price for {estimate.missing.map(titleCase).join(", ")}: left out</span>}
                        </td>
                        <td>
                          <RouteLink changes={{ history: estimate.offering.id }} aria-label={`Price history of ${estimate.offering.id}`}>
                            Chart
                          </RouteLink>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function hasWorkload(route: Route): boolean {
  return route.input !== "" || route.output !== "" || route.cached !== "";
}

function pickWorkload(route: Route): Workload {
  return { input: route.input, output: route.output, cached: route.cached, requests: route.requests, mode: route.mode, cheapest: route.cheapest };
}
