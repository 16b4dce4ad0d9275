import { collectGarbage } from "./servingMemory";

describe("collectGarbage", () => {
  it("collects what nothing reaches any more, now, and says how much it freed", async () => {
    let garbage: object[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, label: `item ${i}` }));
    const watched = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef's target is kept until the job that created or last read it ends.
    await new Promise((resolve) => setImmediate(resolve));
    const freed = collectGarbage();
    expect(watched.deref()).toBeUndefined();
    expect(freed).toBeGreaterThan(2 ** 20);
  });
});
