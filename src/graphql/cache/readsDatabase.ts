import { Extensions } from "type-graphql";

/**
 * Marks a field answered from the database at request time (the conflicts list, health, the audit log)
 * rather than from the read-model snapshot. An answer that selects one cannot be cached with the
 * snapshot: it may change while the snapshot does not. (A record's `provenance` and `conflicts` are
 * read once per snapshot and kept with it, so they need no mark.)
 */
export const ReadsDatabase = (): MethodDecorator & ClassDecorator & PropertyDecorator => Extensions({ readsDatabase: true });
