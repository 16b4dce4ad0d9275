import { timeOrderedUuid } from "./timeOrderedUuid";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID whose first 48 bits are the time in milliseconds", () => {
    const id = timeOrderedUuid(Date.UTC(2026, 10, 29, 8, 40));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 10, 29, 8, 40));
  });

  it("increases strictly: within a millisecond, past the 4,096 ids a counter holds, and when the clock goes back", () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = [
      ...Array.from({ length: 10_000 }, () => timeOrderedUuid(at)),
      ...Array.from({ length: 10 }, () => timeOrderedUuid(at - 60_000)),
      timeOrderedUuid(at + 60_000),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V7);
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps 62 random bits: ids made in the same millisecond by other processes do not collide", () => {
    const tails = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid().slice(19)));
    expect(tails.size).toBe(1000);
  });
});
