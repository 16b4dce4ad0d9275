/**
 * The descriptions of the arguments that let free and router offerings into a price comparison
 * (src/catalog/offerings/offeringKind.ts states the rule); `where` names the comparison.
 */
export const includeFreeDescription = (where: string): string =>
  `Count free offerings ${where} too (every current base-tier INPUT and OUTPUT price zero, or a free or promotional tier such as \`:free\`); left out by default, so that a cheapest-first answer is not led by $0 tiers.`;

export const includeRoutersDescription = (where: string): string =>
  `Count routers' meta-models ${where} too (\`auto\`, \`openrouter/auto\`, \`switchpoint/router\`, a provider's auto-routing model), whose price says nothing of the model that answers; left out by default.`;
