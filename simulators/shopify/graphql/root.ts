/**
 * Resolvers of the QueryRoot and Mutation fields. graphql-js calls each with (args, context)
 * because they are functions on the root value.
 */
import type { GraphqlContext } from './context';
import { mutationResolvers } from './mutationRoot';
import { queryResolvers } from './queryRoot';

export const rootValue: Record<
	string,
	(args: Record<string, unknown>, ctx: GraphqlContext) => unknown
> = {
	...queryResolvers,
	...mutationResolvers,
};
