import Decimal from "decimal.js";
import type { Database, SqlSession } from "../../db/database";
import type { FieldOverrideRepository } from "../../db/fieldOverrideRepository";
import { ConflictError, ValidationError } from "../errors";
import { priceField } from "../load/documentFacts";
import { refreshDecisions } from "../load/refreshDecisions";
import { entityKey } from "../load/syncFacts";
import { priceSlot, PriceWriter, type PriceRecord } from "../prices/priceWriter";
import type { CatalogChanges } from "../readModel/catalogChanges";
import type { PriceView } from "../views";
import type { Actor } from "./actor";
import { auditEvents } from "./auditTrail";
import type { AuditRepository } from "../../db/auditRepository";
import { validatePriceInput, type PriceInput, type ValidPriceInput } from "./priceInput";

export const MAX_BULK = 500;

/**
 * Admins' price changes. A change closes the current row of its slot and opens a new one, so history is
 * kept; it is also stored as an admin override of the price field, which outranks every document and
 * survives re-seeding. Rows are written by the catalog's one PriceWriter, which serializes the writers
 * of an offering (imports too) by a lock on it; a stale `expectedVersion` is a ConflictError. The change is announced on the catalog's bus in the same
 * transaction, and this instance's read model serves it before the call returns.
 */
export class PriceWriteService {
  constructor(
    private readonly database: Database,
    private readonly changes: CatalogChanges,
    private readonly overrides: FieldOverrideRepository,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async updatePrice(input: PriceInput, actor: Actor): Promise<PriceView> {
    const valid = validatePriceInput(input, "input");
    const [result] = await this.write([valid], actor, ["input"]);
    return result;
  }

  /** Applies every change or none: one bad row (named "inputs[i].field") leaves everything as it was. */
  async bulkUpdatePrices(inputs: PriceInput[], actor: Actor): Promise<PriceView[]> {
    if (inputs.length === 0) throw new ValidationError("inputs must hold at least one price", "inputs");
    if (inputs.length > MAX_BULK) throw new ValidationError(`inputs may hold at most ${MAX_BULK} prices, got ${inputs.length}`, "inputs");
    const valid = inputs.map((input, i) => validatePriceInput(input, `inputs[${i}]`));
    const slots = new Map<string, number>();
    valid.forEach((v, i) => {
      const slot = priceSlot(v);
      if (slots.has(slot)) throw new ValidationError(`inputs[${i}] sets the same price as inputs[${slots.get(slot)}]`, `inputs[${i}]`);
      slots.set(slot, i);
    });
    return this.write(
      valid,
      actor,
      valid.map((_, i) => `inputs[${i}]`),
    );
  }

  private async write(inputs: ValidPriceInput[], actor: Actor, paths: string[]): Promise<PriceView[]> {
    const { results, opened } = await this.database.sql.transaction(async (tx) => {
      // Started afresh on each run: after a deadlock the transaction runs again (see SqlSession.transaction).
      const opened: [string, string][] = [];
      const out: PriceView[] = [];
      // The writer locks every offering of the inputs at once, in its one order, so two bulk writers
      // touching the same offerings queue instead of deadlocking. The inputs are then applied in that
      // order too, so the audit log reads the same whatever order they came in.
      const writer = await PriceWriter.open(tx, inputs.map((input) => input.offeringId));
      const order = inputs.map((_, i) => i).sort((a, b) => (inputs[a].offeringId < inputs[b].offeringId ? -1 : inputs[a].offeringId > inputs[b].offeringId ? 1 : a - b));
      for (const i of order) {
        const { price, changed } = await this.writeOne(tx, writer, inputs[i], actor, paths[i]);
        out[i] = price;
        if (changed) opened.push([price.offeringId, price.id]);
      }
      if (opened.length > 0) await this.changes.announce(tx, { kind: "prices", prices: opened, actorName: actor.name });
      return { results: out, opened };
    });
    if (opened.length > 0) await this.changes.applied({ kind: "prices", prices: opened, actorName: actor.name });
    return results;
  }

  private async writeOne(tx: SqlSession, writer: PriceWriter, input: ValidPriceInput, actor: Actor, path: string): Promise<{ price: PriceView; changed: boolean }> {
    if (!writer.offerings.has(input.offeringId)) throw new ValidationError(`${path}.offeringId: no offering with id "${input.offeringId}"`, `${path}.offeringId`);
    const slot = priceSlot(input);
    const currentRecord = writer.current(slot);
    const current = currentRecord ? toPriceView(currentRecord) : null;
    if (input.expectedVersion !== null && input.expectedVersion !== (current?.version ?? 0)) {
      throw new ConflictError(
        `${path}: the price was changed since you read it (it is at version ${current?.version ?? 0}, you sent ${input.expectedVersion}); read it again and retry`,
      );
    }
    const now = this.now();
    // Without a stated date the change takes effect now, or a millisecond after the current price's
    // start when writers follow each other within one millisecond, so that history stays in order.
    const effectiveFrom = input.effectiveFrom ?? (current && current.validFrom.getTime() >= now.getTime() ? new Date(current.validFrom.getTime() + 1) : now);
    if (input.effectiveFrom && effectiveFrom.getTime() > now.getTime() + 1000) throw new ValidationError(`${path}.effectiveFrom cannot be in the future`, `${path}.effectiveFrom`);
    if (current && effectiveFrom.getTime() <= current.validFrom.getTime()) {
      throw new ValidationError(`${path}.effectiveFrom must be after the current price's start (${current.validFrom.toISOString()})`, `${path}.effectiveFrom`);
    }
    if (current && current.currency === input.currency && new Decimal(current.amount).equals(input.amount) && !input.reason) return { price: current, changed: false };

    await writer.write([{ slot: input, next: { amount: new Decimal(input.amount).toFixed(), currency: input.currency, sourceId: null, reason: input.reason }, at: effectiveFrom }], now);
    const field = priceField(input);
    const value = { amount: input.amount, currency: input.currency };
    await this.overrides.upsert(tx, { entityType: "OFFERING", entityId: input.offeringId, field, value, reason: input.reason ?? "price set by an admin", apiKeyId: actor.apiKeyId });
    await refreshDecisions(tx, [entityKey("OFFERING", input.offeringId)]);
    const price = toPriceView(writer.current(slot)!);
    await this.audit.append(tx, auditEvents(actor, [
      {
        action: "updatePrice",
        entityType: "OFFERING",
        entityId: input.offeringId,
        field,
        before: current ? { amount: current.amount, currency: current.currency, validFrom: current.validFrom, version: current.version } : null,
        after: { amount: price.amount, currency: price.currency, validFrom: price.validFrom, version: price.version, reason: price.reason },
      },
    ]));
    return { price, changed: true };
  }
}

/** A writer's price row as the API's view of it. */
function toPriceView(record: PriceRecord): PriceView {
  const { createdAt: _createdAt, ...view } = record;
  return { ...view, kind: view.kind as PriceView["kind"], unit: view.unit as PriceView["unit"], mode: view.mode as PriceView["mode"], tierRule: "WHOLE_REQUEST" };
}
