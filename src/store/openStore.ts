import { PostgresStore } from './postgresStore.js';
import { SqliteStore } from './sqliteStore.js';
import type { Store, StoreMode } from './store.js';

/** Where the store is: a PostgreSQL URL when set, else the SQLite file. */
export interface StoreLocation {
  /** `postgres://…`; null for the embedded SQLite file. */
  databaseUrl: string | null;
  databasePath: string;
}

/**
 * Open the store the configuration names: PostgreSQL when `DATABASE_URL` is set, else the SQLite file at
 * `DATABASE_PATH`.
 *
 * @param location The two settings.
 * @param mode `create` (the bot: create and migrate), `write` (must exist), `read` (read-only).
 * @throws StoreError naming the setting and the place.
 */
export async function openStore(location: StoreLocation, mode: StoreMode = 'create'): Promise<Store> {
  if (location.databaseUrl !== null) return PostgresStore.open(location.databaseUrl, mode);
  return new SqliteStore(location.databasePath, mode);
}
