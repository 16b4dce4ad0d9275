import { repairMacRomanMojibake } from "../../src/ingest/starmap/macRomanMojibake";

describe("repairing UTF-8 that was read once as Mac Roman", () => {
  it("restores the seed's check marks and emoji", () => {
    expect(repairMacRomanMojibake("badge/text-‚úì-blue")).toBe("badge/text-✓-blue");
    expect(repairMacRomanMojibake("## \uF8FFüìã Technical Specifications")).toBe("## 📋 Technical Specifications");
    expect(repairMacRomanMojibake("| ‚úÖ | ‚ùå |")).toBe("| ✅ | ❌ |");
  });

  it("restores any character, not only those four", () => {
    expect(repairMacRomanMojibake("caf√© ‚Ç¨5 ‚Äî Êó•Êú¨")).toBe("café €5 — 日本");
  });

  it("leaves clean text as it is, accents, dashes and emoji included", () => {
    const clean = "## 🎛️ Generation Controls — café, naïve, ×2, ✓ ✅ ❌, “quoted”, 100°";
    expect(repairMacRomanMojibake(clean)).toBe(clean);
  });

  it("leaves Mac Roman characters that do not spell UTF-8 alone, and keeps every line break", () => {
    expect(repairMacRomanMojibake("√ alone\n‚ then text\r\n")).toBe("√ alone\n‚ then text\r\n");
  });
});
