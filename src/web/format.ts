// How values read on the page. Prices stay the API's exact decimal strings: only their display is shaped.

const integer = new Intl.NumberFormat("en-US");

/** 1047576 → "1,047,576"; null → "unknown". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "unknown" : integer.format(value);
}

const UNITS: Record<string, string> = {
  PER_1M_TOKENS: "/ 1M tokens",
  PER_1K_REQUESTS: "/ 1K requests",
  PER_IMAGE: "/ image",
  PER_MINUTE: "/ minute",
  PER_REQUEST: "/ request",
  PER_SECOND: "/ second",
};

/** "0.4" USD per 1M tokens → "$0.4 / 1M tokens"; the amount is shown exactly as the API sent it. */
export function formatPrice(amount: string, currency: string, unit?: string): string {
  const money = currency === "USD" ? `$${amount}` : `${amount} ${currency}`;
  return unit ? `${money} ${UNITS[unit] ?? unit.toLowerCase()}` : money;
}

/** A decimal string rounded for reading (never for arithmetic): "0.72" stays, "0.123456789" → "0.12346". */
export function formatCost(amount: string, currency: string): string {
  const [whole, fraction = ""] = amount.split(".");
  const shown = fraction.length > 6 ? `${whole}.${fraction.slice(0, 6)}…` : amount;
  return currency === "USD" ? `$${shown}` : `${shown} ${currency}`;
}

/** A provenance value as text: a string, a number, a list, or {amount, currency}. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.amount === "string") return formatPrice(record.amount, String(record.currency ?? "USD"));
    return JSON.stringify(value);
  }
  if (typeof value === "number") return integer.format(value);
  return String(value);
}

export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? "unknown" : value ? "yes" : "no";
}

export function titleCase(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
}
