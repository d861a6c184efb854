/**
 * REST representations of the records, as REST endpoints return them and as webhooks carry
 * them (a webhook body is the REST resource of its topic, whichever API created the
 * subscription). Ids are `JsonInteger`, so 64-bit ids serialise exactly; money is a string
 * with two decimals; times carry the shop's UTC offset.
 */
export * from './common';
export * from './order';
export * from './records';
