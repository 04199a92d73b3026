import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { contentId } from '../doc/doc.js';
import type { DocJson } from '../doc/types.js';
import { InputError } from '../errors.js';
import { migrate } from './migrations.js';
import { toFtsQuery } from './query.js';
import type { SearchHit, Store } from './types.js';

export const DEFAULT_SEARCH_LIMIT = 20;

/** How long a write waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/** A title match counts this many times a match in the text (bm25 column weights: title, text). */
const TITLE_WEIGHT = 2.0;

/** How many tokens a search snippet shows around the match. */
const SNIPPET_TOKENS = 24;

export interface OpenOptions {
  /** Create the file if it does not exist (ingest); read commands pass false. */
  create?: boolean;
}

interface DocumentRow {
  id: string;
  text: string;
  analysis: string;
}

/**
 * The embedded store: one SQLite file in WAL mode (readers never block the writer),
 * migrated to the current schema on open (src/store/migrations.ts), with an FTS5 index
 * over titles and texts. See docs/storage.md.
 */
export class SqliteStore implements Store {
  private readonly statements;

  private constructor(private readonly db: Database.Database, readonly path: string) {
    this.statements = {
      insert: db.prepare(`
        INSERT INTO documents (id, title, published, url, text, schema, analysis, ingested_at)
        VALUES (@id, @title, @published, @url, @text, @schema, @analysis, @ingestedAt)
        ON CONFLICT (id) DO NOTHING`),
      byId: db.prepare<[string], DocumentRow>('SELECT id, text, analysis FROM documents WHERE id = ?'),
      countRange: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM documents WHERE id >= ? AND id < ?'),
      firstInRange: db.prepare<[string, string], DocumentRow>('SELECT id, text, analysis FROM documents WHERE id >= ? AND id < ? LIMIT 1'),
      has: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents'),
      search: db.prepare<[string, number], SearchHit>(`
        SELECT d.id, d.title, d.published, d.url,
               snippet(documents_fts, 1, '[', ']', '…', ${SNIPPET_TOKENS}) AS snippet
        FROM documents_fts JOIN documents AS d ON d.doc_no = documents_fts.rowid
        WHERE documents_fts MATCH ?
        ORDER BY bm25(documents_fts, ${TITLE_WEIGHT}, 1.0), d.doc_no
        LIMIT ?`),
    };
  }

  /** Opens (and, with `create`, creates) the database at `path`, migrating it to the current schema. */
  static open(path: string, options: OpenOptions = {}): SqliteStore {
    const create = options.create ?? true;
    if (!existsSync(path)) {
      if (!create) throw new InputError(`no database at ${path} (create one with: ascribe ingest FILE --db ${path})`);
      const dir = dirname(resolve(path));
      if (!existsSync(dir)) throw new InputError(`cannot create database ${path}: directory ${dir} does not exist`);
    } else if (statSync(path).isDirectory()) {
      throw new InputError(`${path} is a directory, not a database file`);
    }
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: !create, timeout: BUSY_TIMEOUT_MS });
    } catch (error) {
      throw new InputError(`cannot open database ${path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      // The first statement reads the header: a file that is not SQLite fails here.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL'); // safe with WAL: a crash may lose the last commit, never corrupt
      db.pragma('foreign_keys = ON');
      migrate(db, path);
      return new SqliteStore(db, path);
    } catch (error) {
      db.close();
      if (error instanceof Database.SqliteError && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')) {
        throw new InputError(`${path} is not an Ascribe database (${error.message})`, { cause: error });
      }
      throw error;
    }
  }

  put(doc: DocJson): { stored: boolean } {
    // The id is the content hash; a document whose id disagrees with its text would be
    // found under the wrong key forever, so refuse it.
    if (doc.id !== contentId(doc.text)) throw new Error(`document ${doc.id} does not carry the content hash of its text`);
    // The text is kept once, in its own column; the analysis keeps its key order with a null in its place.
    const analysis = JSON.stringify({ ...doc, text: null });
    const write = this.db.transaction(() =>
      this.statements.insert.run({
        id: doc.id,
        title: doc.meta.title,
        published: doc.meta.published,
        url: doc.meta.url,
        text: doc.text,
        schema: doc.schema,
        analysis,
        ingestedAt: new Date().toISOString(),
      }),
    );
    return { stored: write.immediate().changes === 1 };
  }

  get(idOrPrefix: string): DocJson | null {
    const hex = idPrefixHex(idOrPrefix);
    if (hex.length === 64) {
      const row = this.statements.byId.get(`sha256:${hex}`);
      return row ? fromRow(row) : null;
    }
    // Hex digits sort before 'g', so [prefix, prefix + 'g') holds exactly the ids that start with it.
    const range: [string, string] = [`sha256:${hex}`, `sha256:${hex}g`];
    const { n } = this.statements.countRange.get(...range)!;
    if (n === 0) return null;
    if (n > 1) throw new InputError(`id prefix "${idOrPrefix}" is ambiguous: ${n} documents match; give more digits`);
    return fromRow(this.statements.firstInRange.get(...range)!);
  }

  has(id: string): boolean {
    return this.statements.has.get(id) !== undefined;
  }

  search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): SearchHit[] {
    if (!Number.isInteger(limit) || limit < 1) throw new InputError(`search limit must be a positive whole number, not ${limit}`);
    return this.statements.search
      .all(toFtsQuery(query), limit)
      .map((hit) => ({ ...hit, snippet: hit.snippet.replace(/\s+/g, ' ').trim() }));
  }

  count(): number {
    return this.statements.count.get()!.n;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** The hex digits of a full id or an id prefix, with or without `sha256:`. */
export function idPrefixHex(idOrPrefix: string): string {
  const hex = idOrPrefix.trim().replace(/^sha256:/i, '').toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(hex)) {
    throw new InputError(`"${idOrPrefix}" is not a document id: expected sha256:<64 hex digits> or at least its first 4 hex digits`);
  }
  return hex;
}

function fromRow(row: DocumentRow): DocJson {
  const doc = JSON.parse(row.analysis) as DocJson;
  doc.text = row.text; // fills the key that put() left null, so the key order is the analysed one
  return doc;
}
