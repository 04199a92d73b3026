import type { Database } from 'better-sqlite3';
import { InputError } from '../errors.js';

/**
 * The store's schema history. Each migration moves the database from version
 * `version - 1` to `version`; the version lives in `PRAGMA user_version`. Migrations
 * are only ever appended: a released one is never edited.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

/** Marks a database file as Ascribe's (`PRAGMA application_id`): the bytes of "ASCR". */
export const APPLICATION_ID = 0x41534352;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents table and its FTS5 index',
    up(db) {
      db.exec(`
        -- doc_no aliases the rowid, so the FTS index can point at it and VACUUM cannot renumber it.
        CREATE TABLE documents (
          doc_no      INTEGER PRIMARY KEY,
          id          TEXT NOT NULL UNIQUE,         -- 'sha256:' + hex of the text: the content hash
          title       TEXT,
          published   TEXT,
          url         TEXT,
          text        TEXT NOT NULL,
          schema      INTEGER NOT NULL,             -- the analysis JSON's schema version
          analysis    TEXT NOT NULL,                -- the DocJson with "text" set to null (text lives in its column)
          ingested_at TEXT NOT NULL                 -- ISO 8601, UTC
        );

        -- External-content FTS5: the index stores only tokens; titles and texts are read
        -- from documents when snippet() needs them, so no article is stored twice.
        CREATE VIRTUAL TABLE documents_fts USING fts5(
          title, text,
          content = 'documents', content_rowid = 'doc_no',
          tokenize = 'porter unicode61 remove_diacritics 2'
        );

        -- The triggers keep the index in step within the statement (and so the transaction)
        -- that changes documents, whoever writes to it.
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
          INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_no, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
          INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_no, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
          INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_no, old.title, old.text);
          INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_no, new.title, new.text);
        END;
      `);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
];

/** The schema version this code writes. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Brings the database up to the latest version. Each migration runs in its own
 * IMMEDIATE transaction together with the version bump, so a failing migration leaves
 * the database at the previous version and two processes opening a new file do not
 * both migrate it.
 */
export function migrate(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = latestVersion(migrations);
  checkOwnership(db, path, latest);
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      const current = userVersion(db);
      if (current >= migration.version) return;
      if (current !== migration.version - 1) {
        throw new Error(`${path}: cannot migrate from schema version ${current} to ${migration.version}`);
      }
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses files that are another program's database, or an Ascribe database newer than this code. */
function checkOwnership(db: Database, path: string, latest: number): void {
  const version = userVersion(db);
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0) {
    const objects = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    if (objects.n > 0) throw new InputError(`${path} is an SQLite database, but not an Ascribe one`);
    return;
  }
  if (applicationId !== APPLICATION_ID) throw new InputError(`${path} is an SQLite database, but not an Ascribe one`);
  if (version > latest) {
    throw new InputError(`${path} has store schema version ${version}, newer than this ascribe understands (${latest}): upgrade ascribe`);
  }
}
