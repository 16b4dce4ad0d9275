import { ValidationError } from "../errors";

/** Relay connection arguments. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Which way to read and how many: `first` forwards (the default), or `last` backwards. */
export interface PageWindow {
  direction: "forward" | "backward";
  size: number;
  after?: string;
  before?: string;
}

/** Checks connection arguments; throws a ValidationError naming the argument at fault. */
export function pageWindow(args: PageArgs, maxSize = MAX_PAGE_SIZE): PageWindow {
  const { first, last } = args;
  if (first != null && last != null) throw new ValidationError("Pass either first or last, not both", "first");
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value == null) continue;
    if (!Number.isInteger(value) || value < 0) throw new ValidationError(`${name} must be a whole number from 0 to ${maxSize}, got ${value}`, name);
    if (value > maxSize) throw new ValidationError(`${name} must be at most ${maxSize}, got ${value}; page through the rest with the cursors`, name);
  }
  const window: PageWindow = last != null ? { direction: "backward", size: last } : { direction: "forward", size: first ?? DEFAULT_PAGE_SIZE };
  if (args.after != null) window.after = args.after;
  if (args.before != null) window.before = args.before;
  return window;
}
