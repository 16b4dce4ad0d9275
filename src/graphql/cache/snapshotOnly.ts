import { getOperationAST, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";

const verdicts = new WeakMap<DocumentNode, Map<string, boolean>>();

/**
 * Whether an operation is a query whose every field resolves from the read-model snapshot (none marked
 * `@ReadsDatabase`), so that its answer is a function of the snapshot, the query and its variables.
 * Memoised per parsed document (Apollo hands the same document object for the same query text).
 */
export function readsOnlySnapshot(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): boolean {
  let byOperation = verdicts.get(document);
  if (!byOperation) verdicts.set(document, (byOperation = new Map()));
  const key = operationName ?? "";
  let verdict = byOperation.get(key);
  if (verdict === undefined) {
    verdict = decide(schema, document, operationName);
    byOperation.set(key, verdict);
  }
  return verdict;
}

function decide(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return false;
  const typeInfo = new TypeInfo(schema);
  let snapshotOnly = true;
  // Every field of the document, fragments included (a fragment the operation does not use only makes
  // the verdict stricter, never wrong).
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.extensions?.readsDatabase) snapshotOnly = false;
      },
    }),
  );
  return snapshotOnly;
}
