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
  const chars = [...text];
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const lead = BYTE_OF.get(chars[i]);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length > 0 && i + length <= chars.length) {
      const bytes = chars.slice(i, i + length).map((c) => BYTE_OF.get(c));
      const decoded = bytes.every((b) => b !== undefined) ? decodeOne(bytes as number[]) : undefined;
      if (decoded !== undefined) {
        out += decoded;
        i += length;
        continue;
      }
    }
    out += chars[i];
    i += 1;
  }
  return out;
}
