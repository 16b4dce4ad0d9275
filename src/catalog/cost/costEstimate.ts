// The cost estimate's public face: a workload, priced at one offering, ranked across offerings.
export { normalizeWorkload, promptTokensPerRequest, type Workload } from "./workload";
export { priceOffering, type CostLine, type OfferingCost } from "./priceOffering";
export { rankCosts } from "./rankCosts";
