// smol-toml hands back numbers as JS floats and forgets where each key was written. This scanner walks
// the same text a second time, structure only, to recover each value's literal text ("0.40", "1_047_576")
// and line, keyed by TOML key path. It runs only on text smol-toml has already accepted, so it can be
// lenient: it never decides whether a document is valid, it only annotates one that is.

/** A TOML key path: table keys and array indices, ["cost", "tiers", 0, "input"]. */
export type KeyPath = readonly (string | number)[];

/** Where a value was written: its line and, for a scalar (number, boolean, date), its text as written. */
export interface Literal {
  line: number;
  raw?: string;
}

/** "cost.tiers[0].input"; keys that are not bare TOML keys are quoted ("headers.\"x.y\""). */
export function keyPathText(path: KeyPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += (text === "" ? "" : ".") + (/^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment));
  }
  return text;
}

/** The line and literal text of every key path the document writes, tables and array elements included. */
export function indexLiterals(text: string): Map<string, Literal> {
  return new LiteralScanner(text).scan();
}

class LiteralScanner {
  private pos = 0;
  private readonly literals = new Map<string, Literal>();
  private readonly arrayCounts = new Map<string, number>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
  }

  scan(): Map<string, Literal> {
    let table: KeyPath = [];
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.text.length) return this.literals;
      if (this.text[this.pos] === "[") table = this.header();
      else this.keyValue(table);
      this.skipToLineEnd();
    }
  }

  /** `[a.b]` or `[[a.b]]`: the path later keys hang from, with the current index of each array of tables. */
  private header(): KeyPath {
    const line = this.lineAt(this.pos);
    const isArray = this.text.startsWith("[[", this.pos);
    this.pos += isArray ? 2 : 1;
    const segments = this.keySegments(isArray ? "]]" : "]");
    this.pos += isArray ? 2 : 1;
    const resolved: (string | number)[] = [];
    segments.forEach((segment, i) => {
      resolved.push(segment);
      const key = keyPathText(resolved);
      if (isArray && i === segments.length - 1) {
        const index = (this.arrayCounts.get(key) ?? -1) + 1;
        this.arrayCounts.set(key, index);
        resolved.push(index);
      } else if (this.arrayCounts.has(key)) {
        resolved.push(this.arrayCounts.get(key)!);
      }
    });
    this.literals.set(keyPathText(resolved), { line });
    return resolved;
  }

  private keyValue(table: KeyPath): void {
    const segments = this.keySegments("=");
    this.pos++;
    this.value([...table, ...segments]);
  }

  /** A dotted key up to `end` (bare, "basic" or 'literal' segments), leaving pos on `end`. */
  private keySegments(end: string): string[] {
    const segments: string[] = [];
    let current = "";
    while (this.pos < this.text.length && !this.text.startsWith(end, this.pos) && this.text[this.pos] !== "\n") {
      const c = this.text[this.pos];
      if (c === '"' || c === "'") {
        const start = this.pos;
        this.skipString();
        const quoted = this.text.slice(start, this.pos);
        current += c === '"' ? safeJsonString(quoted) : quoted.slice(1, -1);
        continue;
      }
      if (c === ".") {
        segments.push(current);
        current = "";
      } else if (c !== " " && c !== "\t") {
        current += c;
      }
      this.pos++;
    }
    segments.push(current);
    return segments;
  }

  private value(path: KeyPath): void {
    this.skipSpace(false);
    const line = this.lineAt(this.pos);
    const c = this.text[this.pos];
    if (c === '"' || c === "'") {
      this.skipString();
      this.literals.set(keyPathText(path), { line });
    } else if (c === "{") {
      this.literals.set(keyPathText(path), { line });
      this.inlineTable(path);
    } else if (c === "[") {
      this.literals.set(keyPathText(path), { line });
      this.array(path);
    } else {
      const start = this.pos;
      while (this.pos < this.text.length && !",]}#\r\n".includes(this.text[this.pos])) this.pos++;
      this.literals.set(keyPathText(path), { line, raw: this.text.slice(start, this.pos).trim() });
    }
  }

  private inlineTable(path: KeyPath): void {
    this.pos++;
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.text.length) return;
      if (this.text[this.pos] === "}") {
        this.pos++;
        return;
      }
      if (this.text[this.pos] === ",") {
        this.pos++;
        continue;
      }
      const segments = this.keySegments("=");
      this.pos++;
      this.value([...path, ...segments]);
    }
  }

  private array(path: KeyPath): void {
    this.pos++;
    let index = 0;
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.text.length) return;
      if (this.text[this.pos] === "]") {
        this.pos++;
        return;
      }
      if (this.text[this.pos] === ",") {
        this.pos++;
        continue;
      }
      this.value([...path, index++]);
    }
  }

  /** Past a basic, literal or multi-line string starting at pos. */
  private skipString(): void {
    const quote = this.text[this.pos];
    const triple = this.text.startsWith(quote.repeat(3), this.pos);
    const close = triple ? quote.repeat(3) : quote;
    this.pos += close.length;
    while (this.pos < this.text.length) {
      if (quote === '"' && this.text[this.pos] === "\\") {
        this.pos += 2;
        continue;
      }
      if (this.text.startsWith(close, this.pos)) {
        this.pos += close.length;
        // A multi-line string may end with up to two extra quotes: """a""""" is `a""`.
        while (triple && this.text[this.pos] === quote) this.pos++;
        return;
      }
      if (!triple && this.text[this.pos] === "\n") return;
      this.pos++;
    }
  }

  private skipSpace(newlines: boolean): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === " " || c === "\t" || (newlines && (c === "\n" || c === "\r"))) this.pos++;
      else if (newlines && c === "#") this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
  }

  private skipToLineEnd(): void {
    this.skipSpace(false);
    if (this.text[this.pos] === "#") this.skipComment();
    while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
  }

  private lineAt(pos: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= pos) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

function safeJsonString(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
