import Decimal from "decimal.js";

/**
 * Decimal arithmetic that never rounds a cost: decimal.js rounds every operation to 20 significant digits
 * by default, and a 1e15-token workload times a price with many decimals needs more. 100 digits covers any
 * workload `normalizeWorkload` accepts times any price a document states. Strings come out in plain
 * notation ("0.000000025", never "2.5e-8").
 */
export const ExactDecimal = Decimal.clone({ precision: 100, toExpNeg: -9e15, toExpPos: 9e15 });
export type ExactDecimal = InstanceType<typeof ExactDecimal>;
