import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PageInfo } from "./pageInfo.type";

/**
 * A Relay cursor connection over `Node`: edges with opaque cursors, page info and the total count.
 * `name` is the node's GraphQL name: "Model" makes ModelEdge and ModelConnection.
 */
export function Connection<Node extends object>(NodeType: ClassType<Node>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => NodeType, { description: `The ${name}.` })
    node!: Node;

    @Field({ description: "Pass as `after` (or `before`) to read on from here." })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor connection).` })
  class ConnectionOf {
    @Field(() => [Edge], { description: "This page's items, in order." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Where this page sits in the list." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has, under the same filter." })
    totalCount!: number;
  }
  return ConnectionOf;
}
