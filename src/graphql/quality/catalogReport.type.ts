import { Field, Float, Int, ObjectType } from "type-graphql";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";
import { ListSize } from "../limits/listSize";
import { SourceFormat } from "../common/enums";

/** The largest `limit` of catalogReport: every list of the report is cut to it. */
const REPORT_LIST = 100;

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "The catalog's size." })
export class CatalogReportHeadline {
  @Field(() => Int, { description: "Models." })
  models!: number;
  @Field(() => Int, { description: "Offerings (a model as one provider serves it)." })
  offerings!: number;
  @Field(() => Int, { description: "Price rows, current and closed." })
  prices!: number;
  @Field(() => Int, { description: "Prices in force now." })
  currentPrices!: number;
  @Field(() => Int, { description: "Providers." })
  providers!: number;
  @Field(() => Int, { description: "Authors." })
  authors!: number;
  @Field(() => Int, { description: "Imported documents." })
  sources!: number;
  @Field(() => Int, { description: "Fields on which sources disagree." })
  conflicts!: number;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "How many of something, with one record that shows it." })
export class CatalogReportTally {
  @Field({ description: 'What is counted: a code ("LEVEL_ONLY"), a record kind and field ("MODEL releaseDate") or a document role.' })
  name!: string;
  @Field(() => String, { nullable: true, description: "The code in words; null where the name says it." })
  label!: string | null;
  @Field(() => Int, { description: "How many." })
  count!: number;
  @Field(() => String, { nullable: true, description: 'The first one counted, e.g. "MODEL gpt-4.1-mini capability.tool_calls".' })
  example!: string | null;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Models whose ids meet once prefixes, snapshot suffixes and punctuation are dropped: probably one model held several times." })
export class SuspectedDuplicateGroup {
  @Field({ description: "The key they share (words and numbers, sorted)." })
  key!: string;
  @ListSize(20)
  @Field(() => [String], { description: "The models' ids, sorted." })
  modelIds!: string[];
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Suspected duplicates, by a key looser than the identity rules (so that it finds what they miss)." })
export class SuspectedDuplicates {
  @Field(() => Int, { description: "Groups of two or more models." })
  groups!: number;
  @Field(() => Int, { description: "Models in those groups." })
  records!: number;
  @Field(() => Int, { description: "Records beyond one per group." })
  surplus!: number;
  @Field(() => Float, { description: "Surplus as a percentage of all models, to one decimal." })
  surplusPercent!: number;
  @ListSize(REPORT_LIST)
  @Field(() => [SuspectedDuplicateGroup], { description: "The largest groups first, at most `limit`." })
  list!: SuspectedDuplicateGroup[];
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Conflicts counted by field, by why the values differ, by who disagrees and by whose value won." })
export class CatalogReportConflicts {
  @Field(() => Int, { description: "Every conflict." })
  total!: number;
  @Field(() => Int, { description: "Conflicts the documents decided." })
  open!: number;
  @Field(() => Int, { description: "Conflicts an admin settled with an override." })
  resolved!: number;
  @Field(() => Int, { description: "Distinct record kinds and fields in conflict (byField holds the first `limit`)." })
  fields!: number;
  @ListSize(5)
  @Field(() => [CatalogReportTally], { description: "By record kind: MODEL, OFFERING, PROVIDER, AUTHOR." })
  byEntityType!: CatalogReportTally[];
  @ListSize(REPORT_LIST)
  @Field(() => [CatalogReportTally], { description: 'By record kind and field ("MODEL releaseDate"), largest first, at most `limit`.' })
  byField!: CatalogReportTally[];
  @ListSize(10)
  @Field(() => [CatalogReportTally], {
    description: "By why the values differ: LEVEL_ONLY, YES_NO, NUMBERS_CLOSE, NUMBERS_APART, DATES_CLOSE, DATES_APART, LIST_SUBSET, LISTS_DIFFER, VALUES_DIFFER, NO_DISSENT.",
  })
  byPattern!: CatalogReportTally[];
  @ListSize(5)
  @Field(() => [CatalogReportTally], { description: "By who disagrees with the value chosen: ONLY_RESELLERS, AGGREGATORS, FIRST_PARTY, OTHER, NONE." })
  byDissent!: CatalogReportTally[];
  @ListSize(7)
  @Field(() => [CatalogReportTally], { description: "By the role of the document whose value won: AUTHOR, OWNER, CLOUD, AGGREGATOR, RESELLER, OTHER, or OVERRIDE." })
  byWinnerRole!: CatalogReportTally[];
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Models without a model-level context window (a minContextWindow filter leaves them out)." })
export class ModelsWithoutContextWindow {
  @Field(() => Int, { description: "How many." })
  count!: number;
  @Field(() => Int, { description: "Of those, models with a context window on at least one offering." })
  onAnOffering!: number;
  @ListSize(REPORT_LIST)
  @Field(() => [String], { description: "The first `limit` of their ids, in id order." })
  modelIds!: string[];
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Models without a price in force on any offering." })
export class ModelsWithoutPrice {
  @Field(() => Int, { description: "How many." })
  count!: number;
  @Field(() => Int, { description: "Of those, models without any offering." })
  withoutOfferings!: number;
  @ListSize(REPORT_LIST)
  @Field(() => [String], { description: "The first `limit` of their ids, in id order." })
  modelIds!: string[];
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "A document that contributed nothing the catalog shows." })
export class IdleSource {
  @Field({ description: "The document." })
  uri!: string;
  @Field(() => SourceFormat, { description: "Its format." })
  format!: SourceFormat;
  @Field(() => Int, { description: "Facts it states, none of which was chosen." })
  facts!: number;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Documents that contributed nothing: no facts, or none that won." })
export class IdleSources {
  @Field(() => Int, { description: "Imported documents." })
  documents!: number;
  @Field(() => Int, { description: "Documents that state no fact." })
  withoutFacts!: number;
  @Field(() => Int, { description: "Documents whose every fact was outranked." })
  withoutChosenFacts!: number;
  @ListSize(REPORT_LIST)
  @Field(() => [IdleSource], { description: "Documents without facts first, then by URI, at most `limit`." })
  list!: IdleSource[];
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "How good the merged catalog is: suspected duplicates, conflicts, models without limits or prices, documents that contributed nothing. Totals count everything; lists hold at most `limit` entries." })
export class CatalogReport {
  @Field({ description: "When the report was made." })
  generatedAt!: Date;
  @Field({ description: "When the snapshot it reads was built." })
  snapshotBuiltAt!: Date;
  @Field(() => Int, { description: "The most entries a list holds." })
  limit!: number;
  @Field(() => CatalogReportHeadline, { description: "The catalog's size." })
  headline!: CatalogReportHeadline;
  @Field(() => SuspectedDuplicates, { description: "Models probably held more than once." })
  duplicates!: SuspectedDuplicates;
  @Field(() => CatalogReportConflicts, { description: "Where sources disagree." })
  conflicts!: CatalogReportConflicts;
  @Field(() => ModelsWithoutContextWindow, { description: "Models without a model-level context window." })
  withoutContextWindow!: ModelsWithoutContextWindow;
  @Field(() => ModelsWithoutPrice, { description: "Models without a current price." })
  withoutPrice!: ModelsWithoutPrice;
  @Field(() => IdleSources, { description: "Documents that contributed nothing." })
  idleSources!: IdleSources;
}
