import type { Database } from "../../../src/db/database";
import { priceSlot, PriceWriter, type SlotChange } from "../../../src/catalog/prices/priceWriter";
import { createCatalogDatabase } from "../../support/catalogDatabase";

let catalog: Awaited<ReturnType<typeof createCatalogDatabase>>;
let database: Database;

beforeAll(async () => {
  catalog = await createCatalogDatabase();
  database = catalog.database;
  await database.sql.exec(`
    INSERT INTO "Author" (id, name, "updatedAt") VALUES ('acme', 'Acme', now());
    INSERT INTO "Provider" (id, name, "updatedAt") VALUES ('acme', 'Acme', now());
    INSERT INTO "Model" (id, name, "updatedAt") VALUES ('m1', 'M1', now()), ('m2', 'M2', now());
    INSERT INTO "Offering" (id, "providerId", "modelId", "providerModelId", "updatedAt") VALUES ('acme:m1', 'acme', 'm1', 'm1', now()), ('acme:m2', 'acme', 'm2', 'm2', now());
  `);
});
afterAll(() => catalog.dispose());

const INPUT = { kind: "INPUT", unit: "PER_1M_TOKENS", mode: "STANDARD", contextAbove: 0 };
const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const price = (offeringId: string, amount: string | null, at: Date): SlotChange => ({ slot: { offeringId, ...INPUT }, next: amount === null ? null : { amount, currency: "USD", sourceId: null, reason: null }, at });

async function write(offeringIds: string[], changes: SlotChange[], now: Date, options?: { replacesRowsWrittenAt?: Date }) {
  return database.sql.transaction(async (tx) => (await PriceWriter.open(tx, offeringIds)).write(changes, now, options));
}
const history = (offeringId: string) =>
  database.sql.query<{ amount: string; version: number; validFrom: string; validTo: string | null; current: boolean }>(
    `SELECT amount::float8::text AS amount, version, to_char("validFrom", 'MM-DD') AS "validFrom", to_char("validTo", 'MM-DD') AS "validTo", "currentSlot" IS NOT NULL AS current
       FROM "Price" WHERE "offeringId" = $1 ORDER BY version`,
    [offeringId],
  );

describe("the price writer", () => {
  it("closes the current row where the next opens, one version up, and reopens a closed slot above its last version, never at 1", async () => {
    await write(["acme:m1"], [price("acme:m1", "1", day(1))], day(1));
    await write(["acme:m1"], [price("acme:m1", "2", day(2))], day(2));
    await write(["acme:m1"], [price("acme:m1", null, day(3))], day(3));
    await write(["acme:m1"], [price("acme:m1", "3", day(4))], day(4));
    expect(await history("acme:m1")).toEqual([
      { amount: "1", version: 1, validFrom: "01-01", validTo: "01-02", current: false },
      { amount: "2", version: 2, validFrom: "01-02", validTo: "01-03", current: false },
      { amount: "3", version: 3, validFrom: "01-04", validTo: null, current: true },
    ]);
  });

  it("replaces a row written at the instant it is told (the same load) instead of keeping it as history, and still bumps the version", async () => {
    await write(["acme:m2"], [price("acme:m2", "1", day(1))], day(5));
    await write(["acme:m2"], [price("acme:m2", "1.5", day(5))], day(5), { replacesRowsWrittenAt: day(5) });
    expect(await history("acme:m2")).toEqual([{ amount: "1.5", version: 2, validFrom: "01-05", validTo: null, current: true }]);
  });

  it("reads the current prices of the offerings it locked and leaves out the ids that are no offering", async () => {
    await database.sql.transaction(async (tx) => {
      const writer = await PriceWriter.open(tx, ["acme:m2", "nobody:x", "acme:m1"]);
      expect([...writer.offerings].sort()).toEqual(["acme:m1", "acme:m2"]);
      expect(writer.current(priceSlot({ offeringId: "acme:m1", ...INPUT }))).toMatchObject({ amount: "3", version: 3, validTo: null });
      expect(writer.currentOf("nobody:x")).toEqual([]);
      expect(writer.hasClosedRows(priceSlot({ offeringId: "acme:m1", ...INPUT }))).toBe(true);
      expect(writer.hasClosedRows(priceSlot({ offeringId: "acme:m2", ...INPUT }))).toBe(false);
    });
  });
});
