/** The key the provenance loader takes for a record: "MODEL gpt-4.1-mini". */
export function entityKey(entityType: "AUTHOR" | "PROVIDER" | "MODEL" | "OFFERING", id: string): string {
  return `${entityType} ${id}`;
}
