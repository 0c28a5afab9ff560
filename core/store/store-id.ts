import type { Store } from "./open-store.ts";

/**
 * The store's own id (16 hex digits, made once when the store is created). Every Docker resource
 * a session of this store creates carries it, so `gc` can tell this store's resources from others'.
 */
export function storeId(store: Store): string {
  return store.statement("SELECT value FROM store_info WHERE key = 'id'").pluck().get() as string;
}
