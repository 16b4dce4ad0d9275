import { Field, Int, ObjectType } from "type-graphql";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "Rows of one kind an import created, updated or left unchanged." })
export class ChangeCounts {
  @Field(() => Int, { description: "New rows." })
  created!: number;
  @Field(() => Int, { description: "Rows whose values changed." })
  updated!: number;
  @Field(() => Int, { description: "Rows the import touched without changing." })
  unchanged!: number;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "What an import did to prices." })
export class PriceCounts {
  @Field(() => Int, { description: "Prices for slots that had none." })
  created!: number;
  @Field(() => Int, { description: "Changed prices: old row closed, new one opened." })
  updated!: number;
  @Field(() => Int, { description: "Prices no source states any more: closed." })
  closed!: number;
  @Field(() => Int, { description: "Prices left as they were." })
  unchanged!: number;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "A document that was not loaded, and why." })
export class ImportProblem {
  @Field({ description: "The document." })
  uri!: string;
  @Field({ description: "Why." })
  reason!: string;
  @Field(() => Int, { nullable: true, description: "The line, where it helps." })
  line?: number | null;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "A record-level problem inside a document that did load (a value left out)." })
export class ImportIssue {
  @Field({ description: "The document." })
  uri!: string;
  @Field({ description: "MISSING_FIELD, INVALID_NUMBER, NEGATIVE_PRICE, OUT_OF_RANGE, INVALID_DATE, UNKNOWN_VALUE, SKIPPED_RECORD, DANGLING_LINK or NOT_STORED (a key of the format that was read but that the catalog has no place for)." })
  code!: string;
  @Field({ description: "What is wrong." })
  message!: string;
  @Field(() => String, { nullable: true, description: "Where in the document." })
  locator?: string | null;
}

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "The report of an import: the same the import command prints." })
export class ImportReport {
  @Field(() => Int, { description: "Documents read." })
  read!: number;
  @Field(() => Int, { description: "Documents loaded (new or changed)." })
  loaded!: number;
  @Field(() => Int, { description: "Documents already loaded as they are." })
  unchanged!: number;
  @Field(() => [ImportProblem], { description: "Documents that failed, with the reason." })
  failed!: ImportProblem[];
  @Field(() => [ImportProblem], { description: "Documents with no catalog facts." })
  skipped!: ImportProblem[];
  @Field(() => [ImportIssue], { description: "Values left out of documents that loaded." })
  issues!: ImportIssue[];
  @Field(() => ChangeCounts, { description: "Authors." })
  authors!: ChangeCounts;
  @Field(() => ChangeCounts, { description: "Providers." })
  providers!: ChangeCounts;
  @Field(() => ChangeCounts, { description: "Models." })
  models!: ChangeCounts;
  @Field(() => ChangeCounts, { description: "Offerings." })
  offerings!: ChangeCounts;
  @Field(() => PriceCounts, { description: "Prices." })
  prices!: PriceCounts;
  @Field(() => Int, { description: "Fields in conflict across the catalog after the import." })
  conflicts!: number;
  @Field({ description: "The summary as the import command prints it." })
  summary!: string;
}
