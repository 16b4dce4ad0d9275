// A small reader for the markdown Starmap writes: front matter, headings, pipe tables, bold "Label: value"
// lines, links and shields.io badges. Only what the generator emits; no general markdown parser.

export interface Line {
  /** The line without surrounding whitespace. */
  text: string;
  /** 1-based line number in the document. */
  number: number;
}

export interface Heading {
  level: number;
  /** The heading text without leading emoji or symbols ("📋 Technical Specifications" → "Technical Specifications"). */
  title: string;
  line: Line;
  /** Index of the heading in `MarkdownPage.lines`. */
  start: number;
  /** Index of the first line past this heading's section (the next heading of the same or a higher level). */
  end: number;
}

export interface TableRow {
  cells: string[];
  line: Line;
}

export interface Table {
  header: string[];
  rows: TableRow[];
  line: Line;
  /** Index of the header line in `MarkdownPage.lines`. */
  start: number;
}

export interface MarkdownPage {
  lines: Line[];
  /** Lines inside fenced code blocks, by index; headings and tables there are not read. */
  inCode: boolean[];
  frontMatter: Map<string, { value: string; line: Line }>;
  headings: Heading[];
  tables: Table[];
}

export interface Link {
  text: string;
  href: string;
}

export interface Badge {
  /** The decoded label ("tool__calls" → "tool_calls"). */
  label: string;
  /** The decoded message ("✓", "core", "text,image"). */
  value: string;
  /** The badge as written, for `raw`. */
  raw: string;
}

/** Reads a document's lines, front matter, headings and tables. */
export function readMarkdownPage(text: string): MarkdownPage {
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t.trim(), number: i + 1 }));
  const inCode = codeBlockMask(lines);
  const frontMatter = readFrontMatter(lines);
  const headings = readHeadings(lines, inCode);
  const tables = readTables(lines, inCode);
  return { lines, inCode, frontMatter, headings, tables };
}

function codeBlockMask(lines: Line[]): boolean[] {
  let open = false;
  return lines.map((line) => {
    if (/^(```|~~~)/.test(line.text)) {
      open = !open;
      return true;
    }
    return open;
  });
}

/** Hugo front matter between two "---" lines at the top; `key: "value"` pairs. */
function readFrontMatter(lines: Line[]): Map<string, { value: string; line: Line }> {
  const entries = new Map<string, { value: string; line: Line }>();
  if (lines[0]?.text !== "---") return entries;
  for (const line of lines.slice(1)) {
    if (line.text === "---") return entries;
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line.text);
    if (match) entries.set(match[1].toLowerCase(), { value: match[2].replace(/^"(.*)"$/, "$1"), line });
  }
  return new Map();
}

function readHeadings(lines: Line[], inCode: boolean[]): Heading[] {
  const headings: Heading[] = [];
  lines.forEach((line, index) => {
    const match = /^(#{1,6})\s+(.*)$/.exec(line.text);
    if (!match || inCode[index]) return;
    headings.push({ level: match[1].length, title: headingTitle(match[2]), line, start: index, end: lines.length });
  });
  headings.forEach((heading, i) => {
    const next = headings.slice(i + 1).find((h) => h.level <= heading.level);
    if (next) heading.end = next.start;
  });
  return headings;
}

/** Heading text as a title: HTML tags, leading emoji and symbols removed. */
export function headingTitle(text: string): string {
  return stripHtml(text).replace(/^[^\p{L}\p{N}[]+/u, "").trim();
}

function readTables(lines: Line[], inCode: boolean[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (inCode[i] || !isTableLine(lines[i]) || !isSeparatorLine(lines[i + 1])) continue;
    const table: Table = { header: splitRow(lines[i].text), rows: [], line: lines[i], start: i };
    let j = i + 2;
    for (; j < lines.length && isTableLine(lines[j]) && !inCode[j]; j++) {
      table.rows.push({ cells: splitRow(lines[j].text), line: lines[j] });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

const isTableLine = (line: Line) => line.text.startsWith("|");
const isSeparatorLine = (line: Line) => /^\|(\s*:?-{2,}:?\s*\|)+$/.test(line.text);

/** The cells of a `| a | b |` row, trimmed; `\|` is a literal bar. */
function splitRow(text: string): string[] {
  const inner = text.replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
}

/** The first heading titled `title` (case-insensitive), at `level` if given. */
export function findHeading(page: MarkdownPage, title: string, level?: number): Heading | undefined {
  const wanted = title.toLowerCase();
  return page.headings.find((h) => h.title.toLowerCase() === wanted && (level === undefined || h.level === level));
}

/** The lines of a heading's section, heading excluded, code blocks excluded. */
export function sectionLines(page: MarkdownPage, heading: Heading): Line[] {
  return page.lines.slice(heading.start + 1, heading.end).filter((_, i) => !page.inCode[heading.start + 1 + i]);
}

/** The tables of a heading's section. */
export function sectionTables(page: MarkdownPage, heading: Heading): Table[] {
  return page.tables.filter((t) => t.start > heading.start && t.start < heading.end);
}

/** The nearest heading above a line index. */
export function headingAbove(page: MarkdownPage, index: number): Heading | undefined {
  return [...page.headings].reverse().find((h) => h.start < index);
}

/** The column of a table whose header matches `pattern`, or -1. */
export function columnIndex(table: Table, pattern: RegExp): number {
  return table.header.findIndex((h) => pattern.test(plainText(h)));
}

/** A two-column "label | value" table as a map from plain label to value and line. */
export function labelValueRows(table: Table): Map<string, { value: string; line: Line }> {
  const rows = new Map<string, { value: string; line: Line }>();
  for (const row of table.rows) {
    const label = plainText(row.cells[0] ?? "");
    if (label !== "" && !rows.has(label)) rows.set(label, { value: row.cells[1] ?? "", line: row.line });
  }
  return rows;
}

/**
 * A bold label line: `**Label**: value`, `- **Label**: value` or `**Label:** value`; undefined otherwise.
 * The value keeps its markdown (links, code).
 */
export function boldField(line: Line): { label: string; value: string } | undefined {
  const match = /^(?:[-*]\s+)?\*\*([^*]+?)\*\*\s*(.*)$/.exec(line.text);
  if (!match) return undefined;
  const inner = match[1].trim();
  if (inner.endsWith(":")) return { label: inner.slice(0, -1).trim(), value: match[2].trim() };
  if (!match[2].startsWith(":")) return undefined;
  return { label: inner, value: match[2].slice(1).trim() };
}

/** The markdown links of a text, images excluded. */
export function linksIn(text: string): Link[] {
  return [...text.matchAll(/(?<!!)\[([^\]]*)\]\(\s*([^)\s]*)\s*\)/g)].map((m) => ({ text: m[1].trim(), href: m[2] }));
}

/** The shields.io badges of a text: `![tooltip](https://img.shields.io/badge/<label>-<message>-<color>)`. */
export function badgesIn(text: string): Badge[] {
  const badges: Badge[] = [];
  for (const match of text.matchAll(/!\[[^\]]*\]\((https?:\/\/img\.shields\.io\/badge\/([^)\s?]+))[^)]*\)/g)) {
    const parts = splitBadgePath(match[2]);
    if (parts.length < 3) continue;
    badges.push({ label: decodeBadgeText(parts[0]), value: decodeBadgeText(parts.slice(1, -1).join("-")), raw: match[0] });
  }
  return badges;
}

/** Splits a badge path on single dashes; "--" is an escaped dash and stays in its part. */
function splitBadgePath(path: string): string[] {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A stray "%" is text, not an escape.
  }
  return decoded.split(/(?<!-)-(?!-)/);
}

/** Shields.io escapes: "__" is "_", "_" is a space, "--" is "-". */
function decodeBadgeText(text: string): string {
  return text.replace(/__|_|--/g, (token) => ({ __: "_", _: " ", "--": "-" })[token as "__" | "_" | "--"]);
}

/** Text without markdown emphasis, code ticks, links (their text kept) or HTML tags. */
export function plainText(text: string): string {
  return stripHtml(text)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*|__|`/g, "")
    .replace(/^[*_](.*)[*_]$/, "$1")
    .trim();
}

function stripHtml(text: string): string {
  return text.replace(/<[^>]*>/g, "").trim();
}
