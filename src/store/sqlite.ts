// The embedded default store: one SQLite file under DATA_DIR. WAL lets readers (the bot, `ask`)
// read while an ingest writes; every document is replaced in one transaction, so a reader sees
// either the old or the new version, never a mix.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentFormat } from '../documents/types.ts';
import type { Meeting, Passage, PassageKind } from '../record/types.ts';
import { SQLITE_MIGRATIONS, type Migration } from './migrations/sqlite.ts';
import type {
  CaseRef,
  ConversationRecord,
  FeedbackRecord,
  MeetingRow,
  NewDocument,
  Store,
  StoredDocument,
} from './types.ts';

interface DocumentRow {
  id: number;
  source: string;
  hash: string;
  format: string;
  ingested_at: string;
}

interface PassageRow {
  id: string;
  committee: string;
  meeting: string;
  date: string | null;
  sak: string | null;
  title: string | null;
  kind: string;
  text: string;
  source: string;
  line: number;
  page: number | null;
}

const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  source: r.source,
  hash: r.hash,
  format: r.format as DocumentFormat,
  ingestedAt: r.ingested_at,
});

/**
 * Row → passage. Committee, meeting, date, sak, title and source repeat across thousands of rows;
 * one shared string each keeps a large record small in memory.
 */
function passageReader(): (r: PassageRow) => Passage {
  const strings = new Map<string, string>();
  const intern = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = strings.get(s);
    if (known !== undefined) return known as T;
    strings.set(s, s);
    return s;
  };
  return (r) => ({
    id: r.id,
    committee: intern(r.committee),
    meeting: intern(r.meeting),
    date: intern(r.date),
    sak: intern(r.sak),
    title: intern(r.title),
    kind: intern(r.kind) as PassageKind,
    text: r.text,
    source: intern(r.source),
    locator: r.page === null ? { line: r.line } : { line: r.line, page: r.page },
  });
}

const SUMMARY_DROPS = new Set(['minutes', 'memo', 'description', 'slides']);

/** Applies the migrations not yet applied; safe when several processes open the file at once. */
export function migrate(db: Database.Database, migrations: Migration[] = SQLITE_MIGRATIONS): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  // IMMEDIATE takes the write lock first, so two processes never apply the same migration.
  db.transaction(() => {
    const done = new Set(applied.all().map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

export class SqliteStore implements Store {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'motebot.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
  }

  async findDocument(source: string): Promise<StoredDocument | null> {
    const row = this.db
      .prepare<[string], DocumentRow>(
        'SELECT id, source, hash, format, ingested_at FROM documents WHERE source = ?',
      )
      .get(source);
    return row ? toDocument(row) : null;
  }

  async putDocument(doc: NewDocument): Promise<{ document: StoredDocument; replaced: boolean }> {
    const insertPassage = this.db.prepare(
      'INSERT INTO passages (id, document_id, committee, meeting, date, sak, title, kind, text, source, line, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const tx = this.db.transaction(() => {
      const old = this.db
        .prepare<[string], { id: number }>('SELECT id FROM documents WHERE source = ?')
        .get(doc.source);
      if (old) this.db.prepare('DELETE FROM documents WHERE id = ?').run(old.id);
      const ingestedAt = new Date().toISOString();
      const { lastInsertRowid } = this.db
        .prepare(
          'INSERT INTO documents (source, hash, format, ingested_at, meetings_json) VALUES (?, ?, ?, ?, ?)',
        )
        .run(doc.source, doc.hash, doc.format, ingestedAt, JSON.stringify(doc.meetings));
      const id = Number(lastInsertRowid);
      doc.passages.forEach((p, n) => {
        insertPassage.run(
          `${id}:${n}`,
          id,
          p.committee,
          p.meeting,
          p.date,
          p.sak,
          p.title,
          p.kind,
          p.text,
          p.source,
          p.locator.line,
          p.locator.page ?? null,
        );
      });
      this.db.prepare('UPDATE record_revision SET revision = revision + 1 WHERE id = 1').run();
      return {
        document: { id, source: doc.source, hash: doc.hash, format: doc.format, ingestedAt },
        replaced: !!old,
      };
    });
    return tx.immediate();
  }

  async listDocuments(): Promise<StoredDocument[]> {
    return this.db
      .prepare<[], DocumentRow>('SELECT id, source, hash, format, ingested_at FROM documents ORDER BY source')
      .all()
      .map(toDocument);
  }

  async listMeetings(opts: { summary?: boolean } = {}): Promise<MeetingRow[]> {
    const rows = this.db
      .prepare<[], { id: number; source: string; meetings_json: string }>(
        'SELECT id, source, meetings_json FROM documents ORDER BY source',
      )
      .all();
    // Dropping the long texts while parsing keeps them from ever being held all at once.
    const reviver = opts.summary
      ? (key: string, value: unknown) => (SUMMARY_DROPS.has(key) ? undefined : value)
      : undefined;
    return rows.flatMap((r) =>
      (JSON.parse(r.meetings_json, reviver) as Meeting[]).map((m) => ({
        ...m,
        source: r.source,
        documentId: r.id,
      })),
    );
  }

  async listPassages(): Promise<Passage[]> {
    const read = passageReader();
    const out: Passage[] = [];
    const rows = this.db.prepare<[], PassageRow>(
      'SELECT id, committee, meeting, date, sak, title, kind, text, source, line, page FROM passages ORDER BY document_id, rowid',
    );
    for (const row of rows.iterate()) out.push(read(row));
    return out;
  }

  async saveConversation(c: ConversationRecord): Promise<void> {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO conversations (id, tenant_id, kind, reference_json, installed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET tenant_id = excluded.tenant_id, kind = excluded.kind, reference_json = excluded.reference_json, updated_at = excluded.updated_at`,
      )
      .run(c.id, c.tenantId, c.kind, JSON.stringify(c.reference), now, now);
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const row = this.db
      .prepare<[string], { id: string; tenant_id: string | null; kind: string; reference_json: string }>(
        'SELECT id, tenant_id, kind, reference_json FROM conversations WHERE id = ?',
      )
      .get(id);
    return row
      ? {
          id: row.id,
          tenantId: row.tenant_id,
          kind: row.kind as ConversationRecord['kind'],
          reference: JSON.parse(row.reference_json),
        }
      : null;
  }

  async saveFeedback(f: FeedbackRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO answer_feedback (conversation_id, user_id, question, answer, reaction, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(conversation_id, user_id, question) DO UPDATE SET reaction = excluded.reaction, answer = excluded.answer, created_at = excluded.created_at`,
      )
      .run(f.conversationId, f.userId, f.question, f.answer, f.reaction, new Date().toISOString());
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return this.db
      .prepare<
        [],
        {
          conversation_id: string;
          user_id: string;
          question: string;
          answer: string;
          reaction: 'up' | 'down';
          created_at: string;
        }
      >(
        'SELECT conversation_id, user_id, question, answer, reaction, created_at FROM answer_feedback ORDER BY id',
      )
      .all()
      .map((r) => ({
        conversationId: r.conversation_id,
        userId: r.user_id,
        question: r.question,
        answer: r.answer,
        reaction: r.reaction,
        createdAt: r.created_at,
      }));
  }

  async passagesFor(cases: CaseRef[]): Promise<Passage[]> {
    const read = passageReader();
    const select = this.db.prepare<[string, string, string | null], PassageRow>(
      'SELECT id, committee, meeting, date, sak, title, kind, text, source, line, page FROM passages WHERE committee = ? AND meeting = ? AND sak IS ? ORDER BY document_id, rowid',
    );
    return this.db.transaction(() =>
      cases.flatMap((c) => select.all(c.committee, c.meeting, c.sak).map(read)),
    )();
  }

  async revision(): Promise<number> {
    return this.db
      .prepare<[], { revision: number }>('SELECT revision FROM record_revision WHERE id = 1')
      .get()!.revision;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
