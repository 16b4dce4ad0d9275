import { Connection } from "../common/connection";
import { Price } from "./price.type";

export const PriceConnection = Connection(Price, "Price");
export type PriceConnection = InstanceType<typeof PriceConnection>;
