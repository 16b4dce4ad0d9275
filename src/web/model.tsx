// Model: its facts, capability flags and offerings, each value with the document (and line or key) it
// came from, and a mark where sources disagree, listing every candidate.
import type { ComponentChildren } from "preact";
import { PriceHistory } from "./charts";
import { PickBox } from "./find";
import { formatCount, formatPrice, formatValue, titleCase, yesNo } from "./format";
import { MODEL_QUERY, type Capability, type FieldProvenance, type ModelData, type OfferingDetail } from "./queries";
import { DEFAULT_ROUTE } from "./route";
import { Link, RouteLink, Status, useNavigation, useQuery } from "./ui";

export function ModelView() {
  const { route } = useNavigation();
  const loaded = useQuery<ModelData>(MODEL_QUERY, { id: route.id }, route.id);
  const model = loaded.data?.model;
  const title = model ? model.name : loaded.state === "done" ? "No such model" : route.id;
  return (
    <article aria-labelledby="model-title">
      <h1 id="model-title" tabIndex={-1}>
        {title}
      </h1>
      <Status loaded={loaded} what={`the model ${route.id}`} />
      {loaded.state === "done" && !model && (
        <p class="error" role="alert">
          The catalog has no model with the id or alias “{route.id}”.
        </p>
      )}
      {model && loaded.data && <ModelDetails data={loaded.data} />}
    </article>
  );
}

function ModelDetails(props: { data: ModelData }) {
  const { route } = useNavigation();
  const model = props.data.model!;
  const provenance = byField(model.provenance);
  const conflicts = model.provenance.filter((field) => field.hasConflict);
  const facts: [string, string, string][] = [
    ["Author", model.author?.name ?? "unknown", "authorId"],
    ["Family", model.family ?? "unknown", "family"],
    ["Status", titleCase(model.status), "status"],
    ["Released", formatDate(model.releaseDate, model.releaseDatePrecision), "releaseDate"],
    ["Knowledge cutoff", formatDate(model.knowledgeCutoff, model.knowledgeCutoffPrecision), "knowledgeCutoff"],
    ["Context window", tokens(model.contextWindow), "contextWindow"],
    ["Max input", tokens(model.maxInputTokens), "maxInputTokens"],
    ["Max output", tokens(model.maxOutputTokens), "maxOutputTokens"],
    ["Input modalities", model.inputModalities.join(", ") || "unknown", "inputModalities"],
    ["Output modalities", model.outputModalities.join(", ") || "unknown", "outputModalities"],
    ["Open weights", yesNo(model.openWeights), "openWeights"],
    ["License", model.license ?? "unknown", "license"],
    ["Tokenizer", model.tokenizer ?? "unknown", "tokenizer"],
    ["Deprecation date", model.deprecationDate ?? "none known", "deprecationDate"],
    ["Retirement date", model.retirementDate ?? "none known", "retirementDate"],
  ];
  const names = new Map(props.data.capabilities.map((capability: Capability) => [capability.key, capability.name]));
  return (
    <>
      <p class="lead">
        <span class="id">{model.id}</span>
        {model.aliases.length > 0 && <span class="aliases"> · also {model.aliases.slice(0, 6).join(", ")}</span>}
      </p>
      {model.description && <p>{model.description}</p>}
      <div class="actions">
        <label class="inline">
          <PickBox id={model.id} name={model.name} /> Picked to compare or price
        </label>
        <Link to={{ ...route, view: "cost", id: "", history: "", pick: route.pick.includes(model.id) ? route.pick : [...route.pick, model.id].slice(-4) }} class="button">
          Price a workload on it
        </Link>
      </div>
      {conflicts.length > 0 && (
        <p class="conflicts-note">
          <span class="warn" aria-hidden="true">
            ⚠
          </span>{" "}
          Sources disagree on {conflicts.length} value{conflicts.length === 1 ? "" : "s"}: {conflicts.map((field) => field.field).join(", ")}. Open a value's source to see every candidate.
        </p>
      )}
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">Facts</h2>
        <table class="facts" aria-label="Facts">
          <tbody>
            {facts.map(([label, value, field]) => (
              <tr data-field={field}>
                <th scope="row">{label}</th>
                <td>{value}</td>
                <td class="where">
                  <Provenance field={provenance.get(field)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="capabilities-title">
        <h2 id="capabilities-title">Capabilities</h2>
        {model.capabilities.length === 0 ? (
          <p class="empty">No source states a capability of this model.</p>
        ) : (
          <table class="facts" aria-label="Capabilities">
            <tbody>
              {model.capabilities.map((flag) => (
                <tr data-field={`capability.${flag.key}`}>
                  <th scope="row">{names.get(flag.key) ?? flag.key}</th>
                  <td class={flag.supported ? "yes" : "no"}>{flag.supported ? `yes${flag.level === "CORE" ? " (core)" : ""}` : "no"}</td>
                  <td class="where">
                    <Provenance field={provenance.get(`capability.${flag.key}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="offerings-title">
        <h2 id="offerings-title">
          Offerings <span class="count">({model.offerings.length} providers)</span>
        </h2>
        {route.history !== "" && <PriceHistory offeringId={route.history} />}
        {model.offerings.map((offering) => (
          <Offering offering={offering} names={names} />
        ))}
      </section>
    </>
  );
}

/** An ISO day shown as exactly as it is known: "2024-04" for a MONTH date, "2024" for a YEAR. */
function formatDate(day: string | null, precision: string | null): string {
  if (!day) return "unknown";
  if (precision === "MONTH") return day.slice(0, 7);
  if (precision === "YEAR") return day.slice(0, 4);
  return day;
}

function tokens(value: number | null): string {
  return value === null ? "unknown" : `${formatCount(value)} tokens`;
}

function byField(fields: FieldProvenance[]): Map<string, FieldProvenance> {
  return new Map(fields.map((field) => [field.field, field]));
}

const KIND_ORDER = ["INPUT", "CACHED_INPUT", "CACHE_WRITE", "OUTPUT", "REASONING", "INPUT_AUDIO", "OUTPUT_AUDIO", "INPUT_IMAGE", "OUTPUT_IMAGE", "REQUEST", "WEB_SEARCH"];
const MODE_ORDER = ["STANDARD", "BATCH", "FLEX", "PRIORITY", "FAST"];

function Offering(props: { offering: OfferingDetail; names: Map<string, string> }) {
  const { offering } = props;
  const provenance = byField(offering.provenance);
  const prices = [...offering.prices].sort(
    (a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode) || a.contextAbove - b.contextAbove || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const limits: [string, number | null, string][] = [
    ["Context window", offering.contextWindow, "contextWindow"],
    ["Max input", offering.maxInputTokens, "maxInputTokens"],
    ["Max output", offering.maxOutputTokens, "maxOutputTokens"],
  ];
  return (
    <section class="offering" aria-labelledby={`offering-${cssId(offering.id)}`} data-offering={offering.id}>
      <h3 id={`offering-${cssId(offering.id)}`}>
        {offering.provider.name} <span class="id">{offering.id}</span>
        {offering.free && <span class="badge">free</span>}
        {offering.router && <span class="badge">router</span>}
        {offering.status !== "ACTIVE" && <span class="badge">{titleCase(offering.status)}</span>}
      </h3>
      <table class="facts" aria-label={`${offering.provider.name} limits`}>
        <tbody>
          {limits
            .filter(([, value]) => value !== null)
            .map(([label, value, field]) => (
              <tr data-field={field}>
                <th scope="row">{label}</th>
                <td>{tokens(value)}</td>
                <td class="where">
                  <Provenance field={provenance.get(field)} />
                </td>
              </tr>
            ))}
          {offering.billingTierThresholds.length > 0 && (
            <tr>
              <th scope="row">Long-context tiers above</th>
              <td>{offering.billingTierThresholds.map((threshold) => tokens(threshold)).join(", ")}</td>
              <td />
            </tr>
          )}
          {offering.capabilities.map((flag) => (
            <tr data-field={`capability.${flag.key}`}>
              <th scope="row">{props.names.get(flag.key) ?? flag.key} (here)</th>
              <td>{flag.supported ? "yes" : "no"}</td>
              <td class="where">
                <Provenance field={provenance.get(`capability.${flag.key}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {prices.length === 0 ? (
        <p class="empty">No current price.</p>
      ) : (
        <div class="scroll">
          <table class="prices" aria-label={`${offering.provider.name} prices`}>
            <thead>
              <tr>
                <th scope="col">Price</th>
                <th scope="col">Mode</th>
                <th scope="col">Tier</th>
                <th scope="col" class="num">
                  Amount
                </th>
                <th scope="col">Where from</th>
              </tr>
            </thead>
            <tbody>
              {prices.map((price) => (
                <tr data-field={`price.${price.kind}.${price.unit}.${price.mode}.${price.contextAbove}`}>
                  <th scope="row">{titleCase(price.kind)}</th>
                  <td>{titleCase(price.mode)}</td>
                  <td>{price.contextAbove === 0 ? "base" : `prompts over ${formatCount(price.contextAbove)}`}</td>
                  <td class="num">{formatPrice(price.amount, price.currency, price.unit)}</td>
                  <td class="where">
                    <Provenance field={provenance.get(`price.${price.kind}.${price.unit}.${price.mode}.${price.contextAbove}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RouteLink changes={{ history: offering.id }} aria-label={`Price history of ${offering.id}`}>
        Price history
      </RouteLink>
    </section>
  );
}

function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** Where a value came from: the chosen document and its line or key; opened, every candidate and the rule. */
export function Provenance(props: { field: FieldProvenance | undefined }): ComponentChildren {
  const { field } = props;
  if (!field) return <span class="source none">no document states it</span>;
  const chosen = field.candidates.find((candidate) => candidate.chosen);
  const where = chosen ? `${chosen.source.uri}${chosen.locator ? ` · ${chosen.locator}` : ""}` : "an admin's decision";
  return (
    <details class={field.hasConflict ? "provenance conflict" : "provenance"}>
      <summary>
        {field.hasConflict && (
          <span class="warn" title="Sources disagree">
            ⚠ sources disagree ·{" "}
          </span>
        )}
        <span class="source">{where}</span>
      </summary>
      <div class="candidates">
        <p class="rule">{field.rule}</p>
        <ul aria-label={`Candidates for ${field.field}`}>
          {field.candidates.map((candidate) => (
            <li class={candidate.chosen ? "chosen" : candidate.agrees ? "agrees" : "disagrees"}>
              <strong>{formatValue(candidate.value)}</strong>
              {candidate.rawValue ? ` (written “${candidate.rawValue}”)` : ""} in <span class="source">{candidate.source.uri}</span>
              {candidate.locator ? ` at ${candidate.locator}` : ""} — {candidate.chosen ? "chosen" : candidate.agrees ? "agrees" : "disagrees"}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

export const modelLink = (id: string) => ({ ...DEFAULT_ROUTE, view: "model" as const, id });
