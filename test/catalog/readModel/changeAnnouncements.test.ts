import { announcements, parseAnnouncement } from "../../../src/catalog/readModel/changeAnnouncements";
import { MAX_NOTIFY_PAYLOAD_BYTES } from "../../../src/db/notifications";

describe("catalog change announcements", () => {
  it("round-trip a price change with its origin and actor", () => {
    const [payload, ...rest] = announcements("instance-a", { kind: "prices", prices: [["openai:gpt-4.1-mini", "p1"]], actorName: "alice" });
    expect(rest).toEqual([]);
    expect(parseAnnouncement(payload)).toEqual({ origin: "instance-a", change: { kind: "prices", prices: [["openai:gpt-4.1-mini", "p1"]], actorName: "alice" } });
  });

  it("split a large import into notifications under PostgreSQL's payload limit, losing no slot", () => {
    const slots = Array.from({ length: 3000 }, (_, i) => `provider-${i}:some/long-model-name-${i}|INPUT|PER_1M_TOKENS|STANDARD|0`);
    const payloads = announcements("cli", { kind: "documents", priceSlots: slots, actorName: null });
    expect(payloads.length).toBeGreaterThan(10);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_NOTIFY_PAYLOAD_BYTES);
    const heard = payloads.flatMap((p) => {
      const parsed = parseAnnouncement(p)!;
      expect(parsed.origin).toBe("cli");
      return parsed.change.kind === "documents" ? parsed.change.priceSlots : [];
    });
    expect(heard).toEqual(slots);
  });

  it("fill each notification as far as the limit allows, counting bytes, not characters", () => {
    const slots = Array.from({ length: 700 }, (_, i) => `fournisseur-é${i}:modèle/日本語-${"x".repeat(i % 37)}|INPUT|PER_1M_TOKENS|STANDARD|0`);
    const payloads = announcements("cli", { kind: "documents", priceSlots: slots, actorName: "Zoë" });
    let next = 0;
    for (const [n, payload] of payloads.entries()) {
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_NOTIFY_PAYLOAD_BYTES);
      const items = (parseAnnouncement(payload)!.change as { priceSlots: string[] }).priceSlots;
      expect(items).toEqual(slots.slice(next, next + items.length));
      next += items.length;
      // Greedy: the next slot would not have fitted in this one.
      if (n < payloads.length - 1) {
        const withNext = JSON.stringify({ o: "cli", k: "documents", a: "Zoë", i: [...items, slots[next]] });
        expect(Buffer.byteLength(withNext)).toBeGreaterThan(MAX_NOTIFY_PAYLOAD_BYTES);
      }
    }
    expect(next).toBe(slots.length);
  });

  it("announce a record edit, which carries no items, as one notification", () => {
    const payloads = announcements("b", { kind: "records" });
    expect(payloads.map(parseAnnouncement)).toEqual([{ origin: "b", change: { kind: "records" } }]);
  });

  it.each(["not json", "{}", '{"o": 1, "k": "prices"}', '{"o": "x", "k": "drop-tables"}'])("ignore a payload that is not one of ours: %s", (payload) => {
    expect(parseAnnouncement(payload)).toBeUndefined();
  });
});
