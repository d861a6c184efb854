/**
 * State changes behind the mutations and the REST webhook endpoints. Each operation checks
 * its whole input first and changes nothing when it finds a user error, so a failed call
 * leaves the shop as it was (metafieldsSet is atomic on Shopify too).
 */
export * from './metafields';
export * from './products';
export * from './refunds';
export * from './result';
export * from './returns';
export * from './subscriptions';
