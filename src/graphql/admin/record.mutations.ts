import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { RecordWriteService } from "../../catalog/admin/recordWrites.service";
import { ValidationError } from "../../catalog/errors";
import { readOwnWrite, type GraphQLContext } from "../context";
import { CapabilityFlag } from "../capability/capability.type";
import { toCapabilityFlags } from "../capability/capabilityFlags";
import { EntityType } from "../common/enums";
import { Model } from "../model/model.type";
import { Offering } from "../offering/offering.type";
import { Provider } from "../party/provider.type";
import { FieldProvenance } from "../provenance/provenance.type";
import { actorOf } from "./actor";
import { CapabilityInput, ModelInput, OfferingInput, ProviderInput } from "./record.inputs";

/** The input's fields other than its keys, leaving out the ones not sent. */
function editsOf(input: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => !keys.includes(k) && v !== undefined));
}

@Resolver()
export class RecordMutationsResolver {
  constructor(private readonly records: RecordWriteService) {}

  @Authorized("EDITOR")
  @Mutation(() => Model, { description: "Creates a model or edits its fields; values override the documents and survive re-seeding. Needs an EDITOR or ADMIN key." })
  async upsertModel(
    @Arg("input", () => ModelInput, { description: "The model's id and the fields to set." }) input: ModelInput,
    @Ctx() context: GraphQLContext,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version you read; a different one is refused with CONFLICT." }) expectedVersion?: number | null,
    @Arg("reason", () => String, { nullable: true, description: "Why, for the audit log." }) reason?: string | null,
  ): Promise<Model> {
    const id = await this.records.upsertModel(input.id, editsOf(input, ["id"]), { expectedVersion, reason }, actorOf(context));
    return readOwnWrite(context).model(id) as Model;
  }

  @Authorized("EDITOR")
  @Mutation(() => Provider, { description: "Creates a provider or edits its fields. Needs an EDITOR or ADMIN key." })
  async upsertProvider(
    @Arg("input", () => ProviderInput, { description: "The provider's id and the fields to set." }) input: ProviderInput,
    @Ctx() context: GraphQLContext,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version you read." }) expectedVersion?: number | null,
    @Arg("reason", () => String, { nullable: true, description: "Why, for the audit log." }) reason?: string | null,
  ): Promise<Provider> {
    const id = await this.records.upsertProvider(input.id, editsOf(input, ["id"]), { expectedVersion, reason }, actorOf(context));
    return readOwnWrite(context).provider(id) as Provider;
  }

  @Authorized("EDITOR")
  @Mutation(() => Offering, { description: "Creates a provider's offering of a model or edits it (prices: updatePrice). Needs an EDITOR or ADMIN key." })
  async upsertOffering(
    @Arg("input", () => OfferingInput, { description: "The offering's provider and provider model id, and the fields to set." }) input: OfferingInput,
    @Ctx() context: GraphQLContext,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version you read." }) expectedVersion?: number | null,
    @Arg("reason", () => String, { nullable: true, description: "Why, for the audit log." }) reason?: string | null,
  ): Promise<Offering> {
    const id = await this.records.upsertOffering(input.providerId, input.providerModelId, input.modelId, editsOf(input, ["providerId", "providerModelId", "modelId"]), { expectedVersion, reason }, actorOf(context));
    return readOwnWrite(context).offering(id) as Offering;
  }

  @Authorized("EDITOR")
  @Mutation(() => [CapabilityFlag], { description: "Sets a capability of a model or an offering (null hands it back to the documents); returns its flags. Needs an EDITOR or ADMIN key." })
  async setCapability(
    @Arg("input", () => CapabilityInput, { description: "Which capability of which record, and its level." }) input: CapabilityInput,
    @Ctx() context: GraphQLContext,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version of the model or offering you read." }) expectedVersion?: number | null,
    @Arg("reason", () => String, { nullable: true, description: "Why, for the audit log." }) reason?: string | null,
  ): Promise<CapabilityFlag[]> {
    if (Boolean(input.modelId) === Boolean(input.offeringId)) throw new ValidationError("Give exactly one of modelId and offeringId", "input.modelId");
    const entity = input.modelId ? "MODEL" : "OFFERING";
    const id = (input.modelId ?? input.offeringId)!;
    await this.records.setCapability(entity, id, input.key, input.level ?? null, { expectedVersion, reason }, actorOf(context));
    const snapshot = readOwnWrite(context);
    return toCapabilityFlags(entity === "MODEL" ? snapshot.capabilitiesOfModel(snapshot.modelIdFor(id) ?? id) : snapshot.capabilitiesOfOffering(id));
  }

  @Authorized("ADMIN")
  @Mutation(() => Model, { description: "Retires a model: status RETIRED and the date (today by default). A lifecycle change, never a delete. Needs an ADMIN key." })
  async retireModel(
    @Arg("id", () => ID, { description: "The model's id or an alias." }) id: string,
    @Ctx() context: GraphQLContext,
    @Arg("retirementDate", () => String, { nullable: true, description: "ISO day; today by default." }) retirementDate?: string | null,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version you read." }) expectedVersion?: number | null,
    @Arg("reason", () => String, { nullable: true, description: "Why, for the audit log." }) reason?: string | null,
  ): Promise<Model> {
    const modelId = await this.records.retireModel(id, retirementDate, { expectedVersion, reason }, actorOf(context));
    return readOwnWrite(context).model(modelId) as Model;
  }

  @Authorized("ADMIN")
  @Mutation(() => FieldProvenance, { description: "Settles a field sources disagree on: keep one candidate (factId) or enter a value, with a reason. Stored as an admin override that outranks every document and survives re-seeding. Needs an ADMIN key." })
  async resolveConflict(
    @Arg("entityType", () => EntityType, { description: "The kind of record." }) entityType: EntityType,
    @Arg("entityId", () => ID, { description: "The record's id." }) entityId: string,
    @Arg("field", { description: 'The field, e.g. "contextWindow".' }) field: string,
    @Arg("reason", { description: "Why this value is right." }) reason: string,
    @Ctx() context: GraphQLContext,
    @Arg("factId", () => ID, { nullable: true, description: "The candidate to keep (a fact id from provenance)." }) factId?: string | null,
    @Arg("value", () => GraphQLJSON, { nullable: true, description: "Or a value of your own." }) value?: unknown,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version of the record you read." }) expectedVersion?: number | null,
  ): Promise<FieldProvenance> {
    await this.records.resolveConflict(entityType, entityId, field, { factId, value }, { expectedVersion, reason }, actorOf(context));
    const key = `${entityType} ${entityId}`;
    readOwnWrite(context);
    context.loaders.provenance.clear(key);
    const all = await context.loaders.provenance.load(key);
    return all.find((p) => p.field === field) as unknown as FieldProvenance;
  }
}

