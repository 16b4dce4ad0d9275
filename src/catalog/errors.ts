// The domain's own errors. One module in graphql/ maps them to `extensions.code`; anything else that
// escapes a resolver is masked as an unexpected error.

/** Something asked for by id does not exist. */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id "${id}"`);
    this.name = "NotFoundError";
  }
}

/** Input the domain cannot act on; `field` names the argument or input field at fault. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** A write based on a version of a record that has since changed. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}
