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
  /** Stores the document unless a document with the same id is already there. */
  put(doc: DocJson): { stored: boolean };
  get(id: string): DocJson | null;
  has(id: string): boolean;
  /** Full-text search, best match first. */
  search(query: string, limit?: number): SearchHit[];
  count(): number;
  close(): void;
}
