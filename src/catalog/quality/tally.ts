/** How many of something, named, with one record that shows it. */
export interface TallyEntry {
  /** What is counted: a code ("LEVEL_ONLY"), a field ("MODEL contextWindow") or a role. */
  name: string;
  /** The name in words, where the name is a code. */
  label: string | null;
  count: number;
  /** The first record counted, e.g. "MODEL gpt-4.1-mini capability.tool_calls". */
  example: string | null;
}

/** Counts names in the order they come, keeping the first example of each. */
export class Tally {
  private readonly entries = new Map<string, TallyEntry>();

  constructor(private readonly labels: Readonly<Record<string, string>> = {}) {}

  add(name: string, example: string): void {
    const entry = this.entries.get(name);
    if (entry) entry.count += 1;
    else this.entries.set(name, { name, label: this.labels[name] ?? null, count: 1, example });
  }

  /** Largest count first, then by name. */
  sorted(): TallyEntry[] {
    return [...this.entries.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
