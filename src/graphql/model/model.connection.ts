import { Connection } from "../common/connection";
import { Model } from "./model.type";

export const ModelConnection = Connection(Model, "Model");
export type ModelConnection = InstanceType<typeof ModelConnection>;
