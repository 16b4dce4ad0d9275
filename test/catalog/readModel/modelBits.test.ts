import { countBits, emptyBits, hasBit, intersectBits, setBit } from "../../../src/catalog/readModel/modelBits";

function bitsWith(size: number, ordinals: number[]) {
  const bits = emptyBits(size);
  for (const i of ordinals) setBit(bits, i);
  return bits;
}

describe("model bits: the sets a filtered list counts with", () => {
  it("holds exactly the ordinals set, across word boundaries (0, 31, 32, 63, 64, 99)", () => {
    const bits = bitsWith(100, [0, 31, 32, 63, 64, 99]);
    expect([...Array(100).keys()].filter((i) => hasBit(bits, i))).toEqual([0, 31, 32, 63, 64, 99]);
    expect(countBits(bits)).toBe(6);
  });

  it("counts the intersection of three sets as a test per model would", () => {
    const size = 1000;
    const a = [...Array(size).keys()].filter((i) => i % 2 === 0);
    const b = [...Array(size).keys()].filter((i) => i % 3 === 0);
    const c = [...Array(size).keys()].filter((i) => i % 5 !== 0);
    const both = intersectBits([bitsWith(size, a), bitsWith(size, b), bitsWith(size, c)]);
    expect(countBits(both)).toBe([...Array(size).keys()].filter((i) => i % 2 === 0 && i % 3 === 0 && i % 5 !== 0).length);
  });

  it("leaves its inputs unchanged when intersecting", () => {
    const a = bitsWith(64, [1, 2, 40]);
    intersectBits([a, bitsWith(64, [2])]);
    expect(countBits(a)).toBe(3);
  });

  it("counts a full word (all 32 bits set) as 32", () => {
    expect(countBits(bitsWith(32, [...Array(32).keys()]))).toBe(32);
  });
});
