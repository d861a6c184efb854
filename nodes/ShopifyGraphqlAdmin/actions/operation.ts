import type { Operation as SharedOperation } from '../../shared/router';
import type { ShopifyClient } from '../transport/client';

/** One operation: its parameters and the step that runs it for one input item. */
export type Operation = SharedOperation<ShopifyClient>;
