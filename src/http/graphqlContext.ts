/** What every resolver receives for one request. */
export interface GraphQLContext {
  requestId: string;
}
