import Decimal from "decimal.js";

/** A price per token as a decimal string, scaled to per 1M tokens, exactly ("0.0000004" → "0.4"). */
export function perTokenToPerMillion(perToken: string): string {
  return new Decimal(perToken).times(1_000_000).toFixed();
}

/** Whether `text` is a plain decimal number ("0.4", "-1", "1e-7"); not "", "NaN", "Infinity" or "0x10". */
export function isDecimalText(text: string): boolean {
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim());
}

/** Unix seconds to an ISO day ("2025-04-14"). */
export function unixSecondsToIsoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** A decimal string in plain notation without trailing zeros ("1e-2" → "0.01", "0.400" → "0.4"). */
export function normalizeDecimal(text: string): string {
  return new Decimal(text).toFixed();
}
