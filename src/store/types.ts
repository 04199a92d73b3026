import type { DocJson } from '../doc/types.js';

export interface SearchHit {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  snippet: string;
}

/**
 * Where analysed documents live. The embedded default is SQLite (./ascribe.db);
 * other back ends implement the same interface.
 */
export interface Store {
  /**
   * Stores the document unless a document with the same id (content hash) is already
   * there; then nothing changes and `stored` is false. All or nothing.
   */
  put(doc: DocJson): { stored: boolean };
  /**
   * The document with this id, or with the one id this prefix starts (`sha256:` optional,
   * at least 4 hex digits); null when none. Throws InputError for a malformed id or an
   * ambiguous prefix.
   */
  get(idOrPrefix: string): DocJson | null;
  /** Whether a document with exactly this full id is stored. */
  has(id: string): boolean;
  /**
   * Full-text search over titles and texts, best match first. `query` is user text:
   * words (all required), "quoted phrases", `word*` prefixes; never query syntax errors.
   * Throws InputError for a query without words.
   */
  search(query: string, limit?: number): SearchHit[];
  count(): number;
  close(): void;
}
