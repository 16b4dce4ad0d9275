// Text that went through UTF-8 → bytes → Mac Roman once reads "‚úì" where it meant "✓". Every byte of
// a multi-byte UTF-8 character is ≥ 0x80, and Mac Roman gives each such byte its own character, so the
// damage can be undone character by character, without knowing which strings were hit.

/** Mac Roman's characters for the bytes 0x80–0xFF, in byte order. */
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü" +
  "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
  "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ" +
  "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

const BYTE_OF = new Map([...MAC_ROMAN_HIGH].map((char, i) => [char, 0x80 + i]));

/** How many bytes a UTF-8 sequence starting with `lead` has; 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Every Mac Roman character whose byte starts a UTF-8 sequence: where a repair can begin. */
const LEAD_CHARACTERS = new RegExp(
  `[${[...BYTE_OF]
    .filter(([, byte]) => sequenceLength(byte) > 0)
    .map(([char]) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .join("")}]`,
  "g",
);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The character `bytes` encode in UTF-8, or undefined when they are not one valid character. */
function decodeOne(bytes: number[]): string | undefined {
  try {
    const decoded = strictUtf8.decode(Uint8Array.from(bytes));
    return [...decoded].length === 1 ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Undoes one round of UTF-8 mis-read as Mac Roman: each run of characters that spells a valid UTF-8
 * sequence in Mac Roman bytes ("‚úì", "\uF8FFüìã") becomes the character it encodes ("✓", "📋").
 * Characters outside Mac Roman's upper half, and runs that are not valid UTF-8, are left as they are,
 * so clean text passes through unchanged. Never adds or removes line breaks.
 */
export function repairMacRomanMojibake(text: string): string {
  // Only a character that reads as a UTF-8 lead byte can start a repair: the text between two of them
  // is copied as it is, not rebuilt character by character (43 ms of a seed's parse). Mac Roman's upper
  // half lies in the Basic Multilingual Plane, so code units are its characters; a surrogate is never one.
  let out = "";
  let copiedTo = 0;
  LEAD_CHARACTERS.lastIndex = 0;
  for (let found = LEAD_CHARACTERS.exec(text); found; found = LEAD_CHARACTERS.exec(text)) {
    const at = found.index;
    const length = sequenceLength(BYTE_OF.get(text[at]!)!);
    if (at + length > text.length) continue;
    const bytes = [...text.slice(at, at + length)].map((c) => BYTE_OF.get(c));
    const decoded = bytes.length === length && bytes.every((b) => b !== undefined) ? decodeOne(bytes as number[]) : undefined;
    if (decoded === undefined) continue;
    out += text.slice(copiedTo, at) + decoded;
    copiedTo = LEAD_CHARACTERS.lastIndex = at + length;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}
