import { Connection } from "../common/connection";
import { Author } from "./author.type";
import { Provider } from "./provider.type";

export const ProviderConnection = Connection(Provider, "Provider");
export type ProviderConnection = InstanceType<typeof ProviderConnection>;
export const AuthorConnection = Connection(Author, "Author");
export type AuthorConnection = InstanceType<typeof AuthorConnection>;
