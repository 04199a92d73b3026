/** Where analysed documents are kept: the Store interface and its SQLite implementation. */
export type { SearchHit, Store } from './types.js';
export { SqliteStore, DEFAULT_SEARCH_LIMIT, idPrefixHex, type OpenOptions } from './sqlite.js';
export { MIGRATIONS, latestVersion, migrate, type Migration } from './migrations.js';
export { parseQuery, toFtsQuery, type QueryTerm } from './query.js';
export { storeAll, summarise, type StoreOutcome, type StoreSummary } from './batch.js';
