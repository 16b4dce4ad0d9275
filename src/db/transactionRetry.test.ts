import { retryDelayMs, retryTransientTransaction, TRANSACTION_ATTEMPTS } from "./transactionRetry";

/** An error shaped as node-postgres and PGlite report a failed statement. */
const sqlError = (code: string) => Object.assign(new Error(`SQLSTATE ${code}`), { code });

function failingTimes(times: number, code: string) {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    run: async () => {
      runs += 1;
      if (runs <= times) throw sqlError(code);
      return `committed on run ${runs}`;
    },
  };
}

describe("retrying a transaction PostgreSQL rolled back", () => {
  const pauses: number[] = [];
  const options = { sleep: async (ms: number) => void pauses.push(ms), random: () => 0.5 };
  beforeEach(() => (pauses.length = 0));

  it("runs a transaction again after a deadlock (40P01) and returns what the run that committed returned", async () => {
    const work = failingTimes(2, "40P01");
    await expect(retryTransientTransaction(work.run, options)).resolves.toBe("committed on run 3");
    expect(work.runs).toBe(3);
    expect(pauses).toEqual([10, 20]);
  });

  it("runs a transaction again after a serialization failure (40001)", async () => {
    const work = failingTimes(1, "40001");
    await expect(retryTransientTransaction(work.run, options)).resolves.toBe("committed on run 2");
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} runs and throws the last deadlock as it is`, async () => {
    const work = failingTimes(100, "40P01");
    await expect(retryTransientTransaction(work.run, options)).rejects.toMatchObject({ code: "40P01" });
    expect(work.runs).toBe(TRANSACTION_ATTEMPTS);
    expect(pauses).toHaveLength(TRANSACTION_ATTEMPTS - 1);
  });

  it("never runs a transaction again after any other error (a unique violation, a domain error)", async () => {
    for (const error of [sqlError("23505"), new Error("stale version")]) {
      let runs = 0;
      await expect(
        retryTransientTransaction(async () => {
          runs += 1;
          throw error;
        }, options),
      ).rejects.toBe(error);
      expect(runs).toBe(1);
    }
    expect(pauses).toEqual([]);
  });

  it("pauses about 10 ms, doubling after each failure, jittered between half and one and a half times", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0))).toEqual([5, 10, 20, 40]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0.999999))).toEqual([15, 30, 60, 120]);
  });
});
