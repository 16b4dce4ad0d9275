import type { ValidatorFn } from "type-graphql";
import { ValidationError } from "../../catalog/errors";
import { DATE_RANGE, isHeldInstant } from "../../ingest/units";

/** Argument objects whose instants were found in range: a compiled operation may pass one to many calls. */
const checked = new WeakSet<object>();

/**
 * type-graphql's validation hook, run on a resolver's arguments before it is called: every instant in
 * them (a `DateTimeISO` argument, an input's field, a field of an item of a list of inputs) must lie in
 * the years 1 to 9999. The scalar reads any four-digit year, and year 0 reached PostgreSQL, which has no
 * room for it, as INTERNAL_SERVER_ERROR; read from the snapshot, it silently priced nothing. A date out
 * of range is refused with a ValidationError (BAD_USER_INPUT) naming it by its path, as the services
 * name theirs ("at", "input.effectiveFrom", "inputs[2].effectiveFrom"). Checking here rather than in
 * each service covers every argument a resolver takes now or later.
 */
export const checkDateTimeArguments: ValidatorFn = (_value, _type, { args }) => {
  // Called once per decorated parameter; one walk over all the arguments does for the call.
  if (checked.has(args)) return;
  refuseOutOfRange(args, "");
  checked.add(args);
};

function refuseOutOfRange(value: unknown, path: string): void {
  if (value instanceof Date) {
    if (!isHeldInstant(value)) {
      throw new ValidationError(
        `${path} must be an instant from ${DATE_RANGE.firstInstant} to ${DATE_RANGE.lastInstant} (years 1 to 9999); got ${Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString()}`,
        path,
      );
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => refuseOutOfRange(item, `${path}[${i}]`));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) refuseOutOfRange(item, path ? `${path}.${key}` : key);
}
