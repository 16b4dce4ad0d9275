import { Extensions } from "type-graphql";

/**
 * Marks a field answered from the database at request time (provenance, conflicts, health, the audit
 * log) rather than from the read-model snapshot. An answer that selects one cannot be cached with the
 * snapshot: it may change while the snapshot does not.
 */
export const ReadsDatabase = (): MethodDecorator & ClassDecorator & PropertyDecorator => Extensions({ readsDatabase: true });
