import { ProgressBar } from "../../src/cli/progressBar";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe("the progress bar", () => {
  it("redraws one line in place on a terminal, the bar filled in proportion", () => {
    const { stream, written } = fakeStream(true);
    const bar = new ProgressBar(stream);
    bar.update("reading a.md", 5, 10);
    bar.update("reading z.md", 10, 10);
    bar.clear();
    expect(written[0]).toBe(`\r\x1b[K[${"#".repeat(10)}${".".repeat(10)}] 5/10 reading a.md`);
    expect(written[1]).toBe(`\r\x1b[K[${"#".repeat(20)}] 10/10 reading z.md`);
    expect(written[2]).toBe("\r\x1b[K");
  });

  it("writes nothing when the output is not a terminal (CI logs, pipes)", () => {
    const { stream, written } = fakeStream(false);
    const bar = new ProgressBar(stream);
    bar.update("reading a.md", 1, 2);
    bar.clear();
    expect(written).toEqual([]);
  });
});
