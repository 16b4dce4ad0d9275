// Two charts drawn as plain SVG: a horizontal bar per estimate, and a price's history as step lines.
// Hand-written because both are a few dozen lines: a charting library would be most of the page's weight.
// Numbers are parsed from the API's decimal strings for geometry only; every figure shown is the string.
import { useEffect, useRef } from "preact/hooks";
import { formatCost, formatPrice } from "./format";
import { HISTORY_QUERY, type HistoryData, type HistoryPoint } from "./queries";
import { RouteLink, Status, useQuery } from "./ui";

export interface Bar {
  key: string;
  label: string;
  amount: string;
  currency: string;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 260;
const BARS_WIDTH = 420;
const VALUE_WIDTH = 120;

/** One bar per item, longest for the largest amount; the table beside it holds the same figures for reading. */
export function BarChart(props: { bars: Bar[]; title: string }) {
  const { bars } = props;
  const largest = Math.max(0, ...bars.map((bar) => Number(bar.amount)));
  const height = bars.length * BAR_HEIGHT + 8;
  const width = LABEL_WIDTH + BARS_WIDTH + VALUE_WIDTH;
  return (
    <figure class="chart">
      <svg class="bar-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={props.title}>
        {bars.map((bar, index) => {
          const length = largest > 0 ? Math.max(1, (Number(bar.amount) / largest) * BARS_WIDTH) : 1;
          const y = index * BAR_HEIGHT + 4;
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 4} text-anchor="end" class="label">
                {bar.label.length > 38 ? `${bar.label.slice(0, 37)}…` : bar.label}
              </text>
              <rect class="bar" x={LABEL_WIDTH} y={y + 2} width={length} height={BAR_HEIGHT - 6} rx="2">
                <title>{`${bar.label}: ${formatCost(bar.amount, bar.currency)}`}</title>
              </rect>
              <text x={LABEL_WIDTH + length + 6} y={y + BAR_HEIGHT / 2 + 4} class="value">
                {formatCost(bar.amount, bar.currency)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{props.title}</figcaption>
    </figure>
  );
}

export interface Series {
  name: string;
  points: { from: number; to: number; amount: string; currency: string; unit: string }[];
}

const CHART_WIDTH = 640;
const CHART_HEIGHT = 240;
const PAD = { left: 64, right: 16, top: 16, bottom: 36 };

/** Step lines: each price holds from its validFrom until its validTo (or now). */
export function LineChart(props: { series: Series[]; title: string }) {
  const all = props.series.flatMap((series) => series.points);
  if (all.length === 0) return <p class="empty">No prices to draw.</p>;
  const start = Math.min(...all.map((point) => point.from));
  const end = Math.max(...all.map((point) => point.to), start + 86_400_000);
  const top = Math.max(...all.map((point) => Number(point.amount))) * 1.15 || 1;
  const x = (t: number) => PAD.left + ((t - start) / (end - start)) * (CHART_WIDTH - PAD.left - PAD.right);
  const y = (v: number) => CHART_HEIGHT - PAD.bottom - (v / top) * (CHART_HEIGHT - PAD.top - PAD.bottom);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const ticks = [0, top / 2, top];
  return (
    <figure class="chart">
      <svg class="line-chart" viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} width="100%" role="img" aria-label={props.title}>
        <line class="axis" x1={PAD.left} y1={CHART_HEIGHT - PAD.bottom} x2={CHART_WIDTH - PAD.right} y2={CHART_HEIGHT - PAD.bottom} />
        <line class="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={CHART_HEIGHT - PAD.bottom} />
        {ticks.map((tick) => (
          <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end" class="tick">
            {tick === 0 ? "0" : tick.toPrecision(2)}
          </text>
        ))}
        <text x={PAD.left} y={CHART_HEIGHT - 12} class="tick">
          {day(start)}
        </text>
        <text x={CHART_WIDTH - PAD.right} y={CHART_HEIGHT - 12} text-anchor="end" class="tick">
          {day(end)}
        </text>
        {props.series.map((series, index) => {
          const points = [...series.points].sort((a, b) => a.from - b.from);
          const path = points.map((point, at) => `${at === 0 ? "M" : "L"}${x(point.from).toFixed(1)},${y(Number(point.amount)).toFixed(1)} H${x(point.to).toFixed(1)}`).join(" ");
          return (
            <g class={`series series-${index}`} key={series.name}>
              <path class="line" d={path} />
              {points.map((point) => (
                <circle class="point" cx={x(point.from)} cy={y(Number(point.amount))} r="4">
                  <title>{`${series.name} from ${day(point.from)}: ${formatPrice(point.amount, point.currency, point.unit)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {props.title}.{" "}
        {props.series.map((series, index) => (
          <span class={`legend series-${index}`}>{series.name} </span>
        ))}
      </figcaption>
    </figure>
  );
}

function seriesOf(name: string, rows: HistoryPoint[]): Series {
  const now = Date.now();
  return {
    name,
    points: rows
      .filter((row) => row.contextAbove === 0)
      .map((row) => ({ from: Date.parse(row.validFrom), to: row.validTo ? Date.parse(row.validTo) : now, amount: row.amount, currency: row.currency, unit: row.unit })),
  };
}

/** An offering's STANDARD input and output prices over time, as a chart and as a table. */
export function PriceHistory(props: { offeringId: string }) {
  const loaded = useQuery<HistoryData>(HISTORY_QUERY, { id: props.offeringId }, props.offeringId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row far below: bring it into view and move the keyboard there.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "start" });
  }, [props.offeringId]);
  const data = loaded.data;
  const rows = data ? [...data.input.edges.map((edge) => ({ kind: "Input", ...edge.node })), ...data.output.edges.map((edge) => ({ kind: "Output", ...edge.node }))] : [];
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title" tabIndex={-1} ref={heading}>
        Price history of {data?.offering ? `${data.offering.model.name} on ${data.offering.provider.name}` : props.offeringId}
      </h2>
      <RouteLink changes={{ history: "" }}>Close the price history</RouteLink>
      <Status loaded={loaded} what="the price history" />
      {data && (
        <>
          <LineChart title="Standard base-tier prices over time" series={[seriesOf("Input", data.input.edges.map((edge) => edge.node)), seriesOf("Output", data.output.edges.map((edge) => edge.node))]} />
          <div class="scroll">
            <table aria-label="Prices over time">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Price</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    <td>{row.kind}</td>
                    <td>{row.contextAbove === 0 ? "base" : `above ${row.contextAbove} tokens`}</td>
                    <td class="num">{formatPrice(row.amount, row.currency, row.unit)}</td>
                    <td>{row.validFrom.slice(0, 10)}</td>
                    <td>{row.validTo ? row.validTo.slice(0, 10) : "now"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
