/**
 * A non-negative exact decimal (as the catalog stores prices: at most 12 integer and 12 fractional
 * digits) as text whose order is the number's order: "0.4" → "000000000000.400000000000". Sorting by it
 * compares strings instead of parsing decimals, which matters when a whole catalog is sorted by price.
 */
export function sortableDecimal(amount: string): string {
  const [whole, fraction = ""] = amount.split(".");
  return `${whole.padStart(12, "0")}.${fraction.padEnd(12, "0")}`;
}
