import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

/**
 * A validation rule refusing operations that select more than `maxFields` fields in all (fragments
 * expanded, each use counted, introspection left out): aliases let a small document ask for the same
 * expensive field thousands of times, which a depth limit alone does not stop.
 */
export function fieldCountLimit(maxFields: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const count = (selectionSet: SelectionSetNode | undefined, seen: Set<string>, budget: number): number => {
      if (!selectionSet) return 0;
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (total > budget) break;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith("__")) continue;
          total += 1 + count(selection.selectionSet, seen, budget - total);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          total += count(selection.selectionSet, seen, budget - total);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) total += count(fragment.selectionSet, new Set([...seen, name]), budget - total);
        }
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const fields = count(node.selectionSet, new Set(), maxFields);
        if (fields > maxFields) context.reportError(new GraphQLError(`The operation selects more than ${maxFields} fields; split it into smaller ones`, { nodes: [node] }));
      },
    };
  };
}
