// The PostgreSQL store (STORE=postgres): one database that several bot instances share. Raw SQL
// through `pg`: the statements are the SQLite store's, and what differs between the two is exactly
// what a query builder would hide or not express (upserts, FOR UPDATE SKIP LOCKED, advisory locks,
// NOTIFY), so a builder would add a dependency without removing dialect work.
//
// Concurrency, which SQLite gets from its single writer, is explicit here: record writes take the
// revision row first (one writer at a time, as in SQLite, so revisions commit in order and the
// change log never gains an entry below a revision a reader has seen); the search index is
// replaced holding its own revision row, so only one of several instances moves it from a given
// revision; a vote holds its poll row FOR SHARE, so a poll closing at the same moment either waits
// for the vote or refuses it; agenda posts are claimed with FOR UPDATE SKIP LOCKED, so two
// instances never claim the same post.
import { createHash } from 'node:crypto';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { MotebotError } from '../errors.ts';
import type { ActionPoint, NewActionPoint } from '../actions/types.ts';
import type { ActionPointFilter } from './ports/action-points.ts';
import type { Innspill, NewInnspill } from '../innspill/types.ts';
import type { CountedAnswer, NewPoll, Poll, PollVote } from '../polls/types.ts';
import type { AudienceQuestion, QuestionStatus } from '../qna/types.ts';
import type { Passage } from '../record/types.ts';
import { Batches } from './batches.ts';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.ts';
import type { Migration } from './migrations/migration.ts';
import {
  passageReader,
  QUESTION_SELECT,
  meetingsColumns,
  readMeetings,
  summaryJson,
  termBytes,
  toAgendaPost,
  toConversation,
  toConversationMeeting,
  toFeedback,
  toSubscription,
  toDocument,
  toInnspill,
  toActionPoint,
  actionPointValues,
  ACTION_POINT_COLUMNS,
  type ActionPointRow,
  toPoll,
  toQuestion,
  toSearchSection,
  toVote,
  type AgendaPostRow,
  type ConversationMeetingRow,
  type ConversationRow,
  type FeedbackRow,
  type SubscriptionRow,
  type DocumentRow,
  type InnspillRow,
  type MeetingsRow,
  type PassageRow,
  type PollRow,
  type QuestionRow,
  type SearchSectionRow,
  type VoteRow,
} from './rows.ts';
import type {
  AgendaPost,
  CaseRef,
  ConversationMeeting,
  ConversationRecord,
  FeedbackRecord,
  MeetingEvent,
  MeetingRow,
  NewAudienceQuestion,
  NewDocument,
  PlannedAgendaPost,
  RecordChangeListener,
  RecordChanges,
  SentAnswer,
  Store,
  StoredDocument,
  StoredSearchSection,
  Subscription,
} from './types.ts';

/** Advisory lock key held while migrating ("møte" in ASCII): one instance migrates, the others wait. */
const MIGRATION_LOCK = 0x6d6f7465;
/** The channel record changes are announced on, with the new revision as payload. */
const RECORD_CHANNEL = 'motebot_record';
/** How long the listener waits before reconnecting after its connection broke. */
const LISTEN_RETRY_MS = 1000;
/** Saker read per query while the search index is built group by group. */
const GROUP_BATCH = 200;
/** Documents read per query while listing meetings, so their long texts are never all held at once. */
const MEETING_BATCH = 16;
/** Votes cast in one statement at most. */
const VOTE_BATCH = 100;
/** Search sections written or read per query. */
const SECTION_BATCH = 2000;
/** A section's position is its first passage's document id × this + the passage's place in it. */
const POSITION_SPAN = 2 ** 32;

const PASSAGE_COLUMNS =
  'p.id, p.committee, p.meeting, p.date, p.sak, p.title, p.kind, p.text, p.source, p.line, p.page, p.end_line, p.heading_path';

/** The LISTEN connection while someone listens, and the last revision told. */
interface RecordListener {
  client: pg.Client | null;
  retry: NodeJS.Timeout | null;
  revision: number;
  ready: Promise<void> | null;
}

export interface PostgresOptions {
  /** Connections in the pool (one more is used for LISTEN while someone listens). */
  poolSize?: number;
  /** Where errors of idle connections and of the listener go (the pool replaces broken connections). */
  onError?: (err: Error) => void;
  migrations?: Migration[];
}

/** A connection failure at start-up, said in words an operator can act on, without driver text. */
function unavailable(url: string, err: unknown): MotebotError {
  const code = (err as { code?: string }).code ?? '';
  let target = 'DATABASE_URL';
  try {
    const u = new URL(url);
    target = `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    // An unparsable URL is named by its variable only (it may hold a password).
  }
  const reason =
    code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH'
      ? 'tjeneren svarer ikke'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'vertsnavnet finnes ikke'
        : code === '28P01' || code === '28000'
          ? 'brukernavn eller passord ble avvist'
          : code === '3D000'
            ? 'databasen finnes ikke'
            : code === '42501'
              ? 'brukeren mangler rettigheter til å opprette tabeller'
              : /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)
                ? 'TLS-sertifikatet kunne ikke bekreftes (se sslmode og sslrootcert i DATABASE_URL)'
                : 'ukjent feil (se loggen)';
  return new MotebotError('store_failure', `Får ikke brukt PostgreSQL-databasen ${target}: ${reason}.`, {
    cause: err,
  });
}

/** Applies the migrations not yet applied. The advisory lock makes instances starting together take turns. */
async function migrate(pool: pg.Pool, migrations: Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [m.version, m.name, new Date().toISOString()],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Names of the store's statements, by their text: every text is one of a fixed set. */
const statementNames = new Map<string, string>();

/**
 * A query as a named statement, which each connection prepares once and then only executes: a
 * vote's two statements are otherwise parsed and planned anew every time, on every instance.
 */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name)
    statementNames.set(text, (name = `s${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return { name, text, values };
}

export class PostgresStore implements Store {
  private readonly secrets = new Map<string, string>();
  /**
   * Votes on a poll that arrive while a statement for it is under way go in its next statement
   * together: in a burst (a room voting at once) a statement, its round trip, commit and count
   * serve several votes instead of one.
   */
  private readonly votes = new Batches<PollVote, CountedAnswer[] | null>({
    run: (pollId, votes) => this.castVotes(pollId, votes),
    part: (v) => v.voterKey,
    max: VOTE_BATCH,
  });
  private readonly recordListeners = new Set<RecordChangeListener>();
  private listener: RecordListener | null = null;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly onError: (err: Error) => void,
  ) {}

  /** Connects, migrates and returns the store; a database it cannot use is a clear MotebotError. */
  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    const onError = opts.onError ?? (() => {});
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    pool.on('error', onError);
    try {
      await migrate(pool, opts.migrations ?? POSTGRES_MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw unavailable(url, err);
    }
    return new PostgresStore(pool, url, onError);
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(prepared(sql, params))).rows;
  }

  private async one<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R | null> {
    return (await this.rows<R>(sql, params))[0] ?? null;
  }

  private async changes(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.pool.query(prepared(sql, params))).rowCount ?? 0;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async findDocument(source: string): Promise<StoredDocument | null> {
    const row = await this.one<DocumentRow>(
      'SELECT id, source, hash, format, ingested_at FROM documents WHERE source = $1',
      [source],
    );
    return row ? toDocument(row) : null;
  }

  async putDocument(doc: NewDocument): Promise<{ document: StoredDocument; replaced: boolean }> {
    return this.transaction(async (db) => {
      // Taking the revision row first lets one record write run at a time, as SQLite does, so two
      // instances ingesting the same file never both insert it.
      const { rows } = await db.query<{ revision: string }>(
        'UPDATE record_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision',
      );
      const revision = rows[0]!.revision;
      // The change log: which documents came and went and which saker's passages changed, so that
      // readers update what they hold for those saker alone.
      const log = async (documentId: number) => {
        await db.query(
          'INSERT INTO record_change_cases (revision, committee, meeting, sak) SELECT DISTINCT $1::bigint, committee, meeting, sak FROM passages WHERE document_id = $2',
          [revision, documentId],
        );
        await db.query('INSERT INTO record_changes (revision, document_id) VALUES ($1, $2)', [
          revision,
          documentId,
        ]);
      };
      const old = await db.query<{ id: number }>('SELECT id FROM documents WHERE source = $1', [doc.source]);
      if (old.rows[0]) {
        await log(old.rows[0].id);
        await db.query('DELETE FROM documents WHERE id = $1', [old.rows[0].id]);
      }
      const ingestedAt = new Date().toISOString();
      const inserted = await db.query<{ id: number }>(
        'INSERT INTO documents (source, hash, format, ingested_at, meetings_json, summary_json) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [
          doc.source,
          doc.hash,
          doc.format,
          ingestedAt,
          JSON.stringify(doc.meetings),
          summaryJson(doc.meetings),
        ],
      );
      const id = inserted.rows[0]!.id;
      const ps = doc.passages;
      // One statement for the whole document: a row per passage would be a round trip each.
      await db.query(
        `INSERT INTO passages (id, document_id, ord, committee, meeting, date, sak, title, kind, text, source, line, page, end_line, heading_path)
         SELECT $1::int || ':' || u.ord, $1, u.ord, u.committee, u.meeting, u.date, u.sak, u.title, u.kind, u.text, u.source, u.line, u.page, u.end_line, u.heading_path
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::int[], $14::text[])
           AS u(ord, committee, meeting, date, sak, title, kind, text, source, line, page, end_line, heading_path)`,
        [
          id,
          ps.map((_, n) => n),
          ps.map((p) => p.committee),
          ps.map((p) => p.meeting),
          ps.map((p) => p.date),
          ps.map((p) => p.sak),
          ps.map((p) => p.title),
          ps.map((p) => p.kind),
          ps.map((p) => p.text),
          ps.map((p) => p.source),
          ps.map((p) => p.locator.line),
          ps.map((p) => p.locator.page ?? null),
          ps.map((p) => p.locator.endLine ?? null),
          ps.map((p) => (p.locator.headingPath ? JSON.stringify(p.locator.headingPath) : null)),
        ],
      );
      await log(id);
      // Delivered when the transaction commits, to every instance listening.
      await db.query('SELECT pg_notify($1, $2)', [RECORD_CHANNEL, revision]);
      return {
        document: { id, source: doc.source, hash: doc.hash, format: doc.format, ingestedAt },
        replaced: old.rows.length > 0,
      };
    });
  }

  async listDocuments(): Promise<StoredDocument[]> {
    return (
      await this.rows<DocumentRow>(
        'SELECT id, source, hash, format, ingested_at FROM documents ORDER BY source',
      )
    ).map(toDocument);
  }

  async listMeetings(opts: { summary?: boolean; documents?: number[] } = {}): Promise<MeetingRow[]> {
    const out: MeetingRow[] = [];
    // A few documents at a time, each parsed before the next batch is read.
    for (let after: string | null = null; ;) {
      const batch: MeetingsRow[] = await this.rows(
        `SELECT ${meetingsColumns(opts.summary)} FROM documents
         WHERE ($1::text IS NULL OR source > $1) AND ($2::int[] IS NULL OR id = ANY($2))
         ORDER BY source LIMIT ${MEETING_BATCH}`,
        [after, opts.documents ?? null],
      );
      for (const r of batch) out.push(...readMeetings(r, opts.summary));
      if (batch.length < MEETING_BATCH) return out;
      after = batch.at(-1)!.source;
    }
  }

  async listPassages(): Promise<Passage[]> {
    const read = passageReader();
    return (
      await this.rows<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM passages p ORDER BY p.document_id, p.ord`)
    ).map(read);
  }

  async *passageGroups(): AsyncGenerator<Passage[]> {
    const read = passageReader();
    // Each group's first passage places it; only the keys are read up front.
    const groups = await this.rows<{ committee: string; meeting: string; sak: string | null; kind: string }>(
      `SELECT committee, meeting, sak, kind FROM (
         SELECT DISTINCT ON (committee, meeting, coalesce(sak, ''), kind) committee, meeting, sak, kind, document_id, ord
         FROM passages ORDER BY committee, meeting, coalesce(sak, ''), kind, document_id, ord) g
       ORDER BY document_id, ord`,
    );
    for (let start = 0; start < groups.length; start += GROUP_BATCH) {
      const batch = groups.slice(start, start + GROUP_BATCH);
      const rows = await this.rows<PassageRow & { n: string }>(
        `SELECT g.n, ${PASSAGE_COLUMNS}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS g(committee, meeting, sak, kind, n)
         JOIN passages p ON p.committee = g.committee AND p.meeting = g.meeting
           AND coalesce(p.sak, '') = coalesce(g.sak, '') AND p.kind = g.kind
         ORDER BY g.n, p.document_id, p.ord`,
        [
          batch.map((g) => g.committee),
          batch.map((g) => g.meeting),
          batch.map((g) => g.sak),
          batch.map((g) => g.kind),
        ],
      );
      let group: Passage[] = [];
      let current: string | null = null;
      for (const r of rows) {
        if (r.n !== current && group.length) {
          yield group;
          group = [];
        }
        current = r.n;
        group.push(read(r));
      }
      // A group removed by an ingest since the keys were read has no rows and is skipped.
      if (group.length) yield group;
    }
  }

  async passagesFor(cases: CaseRef[]): Promise<Passage[]> {
    if (!cases.length) return [];
    const read = passageReader();
    return (
      await this.rows<PassageRow>(
        `SELECT ${PASSAGE_COLUMNS}
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(committee, meeting, sak, n)
         JOIN passages p ON p.committee = c.committee AND p.meeting = c.meeting AND coalesce(p.sak, '') = coalesce(c.sak, '')
         ORDER BY c.n, p.document_id, p.ord`,
        [cases.map((c) => c.committee), cases.map((c) => c.meeting), cases.map((c) => c.sak)],
      )
    ).map(read);
  }

  async revision(): Promise<number> {
    const row = await this.one<{ revision: string }>('SELECT revision FROM record_revision WHERE id = 1');
    return Number(row!.revision);
  }

  async recordChangesSince(revision: number): Promise<RecordChanges | null> {
    // One statement, so one snapshot: the revision and the changes that reach it agree.
    const row = await this.one<{
      start: string;
      revision: string;
      documents: number[];
      cases: CaseRef[];
    }>(
      `SELECT (SELECT revision FROM record_log_start WHERE id = 1) AS start,
         (SELECT revision FROM record_revision WHERE id = 1) AS revision,
         ARRAY(SELECT DISTINCT document_id FROM record_changes WHERE revision > $1) AS documents,
         coalesce((SELECT json_agg(c) FROM (
           SELECT DISTINCT committee, meeting, sak FROM record_change_cases WHERE revision > $1) c), '[]') AS cases`,
      [revision],
    );
    if (revision < Number(row!.start)) return null;
    return { revision: Number(row!.revision), documents: row!.documents, cases: row!.cases };
  }

  async searchTerms(): Promise<string[]> {
    const terms: string[] = [];
    for (const r of await this.rows<{ id: number; term: string }>('SELECT id, term FROM search_terms'))
      terms[r.id] = r.term;
    return Array.from(terms, (t) => t ?? '');
  }

  async searchTermIds(terms: string[]): Promise<number[]> {
    if (!terms.length) return [];
    // Only terms not yet numbered are inserted, so the identity leaves no gaps but for races.
    // Another instance adding the same term at once is waited for, and its number is used.
    await this.pool.query(
      `INSERT INTO search_terms (term)
       SELECT DISTINCT t FROM unnest($1::text[]) t WHERE NOT EXISTS (SELECT 1 FROM search_terms s WHERE s.term = t)
       ON CONFLICT (term) DO NOTHING`,
      [terms],
    );
    const ids = new Map(
      (
        await this.rows<{ id: number; term: string }>(
          'SELECT id, term FROM search_terms WHERE term = ANY($1::text[])',
          [terms],
        )
      ).map((r) => [r.term, r.id]),
    );
    return terms.map((t) => ids.get(t)!);
  }

  async searchIndexRevision(): Promise<number> {
    const row = await this.one<{ revision: string }>('SELECT revision FROM search_revision WHERE id = 1');
    return Number(row!.revision);
  }

  async replaceSearchSections(change: {
    from: number;
    to: number;
    cases: CaseRef[] | 'all';
    sections: StoredSearchSection[];
  }): Promise<boolean> {
    return this.transaction(async (db) => {
      // The revision row is held until commit: a second writer waits, then sees it moved and
      // gives up, so the check and the replacement are one step.
      const { rows } = await db.query<{ revision: string }>(
        'SELECT revision FROM search_revision WHERE id = 1 FOR UPDATE',
      );
      if (Number(rows[0]!.revision) !== change.from) return false;
      if (change.cases === 'all') await db.query('DELETE FROM search_sections');
      else if (change.cases.length)
        await db.query(
          `DELETE FROM search_sections s USING unnest($1::text[], $2::text[], $3::text[]) AS c(committee, meeting, sak)
           WHERE s.committee = c.committee AND s.meeting = c.meeting AND coalesce(s.sak, '') = coalesce(c.sak, '')`,
          [
            change.cases.map((c) => c.committee),
            change.cases.map((c) => c.meeting),
            change.cases.map((c) => c.sak),
          ],
        );
      for (let start = 0; start < change.sections.length; start += SECTION_BATCH) {
        const xs = change.sections.slice(start, start + SECTION_BATCH);
        await db.query(
          `INSERT INTO search_sections (committee, meeting, sak, kind, title, year, position, length, terms, definitions)
           SELECT u.committee, u.meeting, u.sak, u.kind, u.title, u.year,
             coalesce((SELECT min(p.document_id::bigint * ${POSITION_SPAN} + p.ord) FROM passages p
               WHERE p.committee = u.committee AND p.meeting = u.meeting
                 AND coalesce(p.sak, '') = coalesce(u.sak, '') AND p.kind = u.kind), 0),
             u.length, u.terms, u.definitions
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::bytea[], $9::text[])
             AS u(committee, meeting, sak, kind, title, year, length, terms, definitions)`,
          [
            xs.map((x) => x.committee),
            xs.map((x) => x.meeting),
            xs.map((x) => x.sak),
            xs.map((x) => x.kind),
            xs.map((x) => x.title),
            xs.map((x) => x.year),
            xs.map((x) => x.length),
            xs.map((x) => termBytes(x.terms)),
            xs.map((x) => JSON.stringify(x.definitions)),
          ],
        );
      }
      await db.query('UPDATE search_revision SET revision = $1 WHERE id = 1', [change.to]);
      return true;
    });
  }

  async *searchSections(cases?: CaseRef[]): AsyncGenerator<StoredSearchSection> {
    const columns =
      's.committee, s.meeting, s.sak, s.kind, s.title, s.year, s.position, s.length, s.terms, s.definitions';
    if (cases) {
      if (!cases.length) return;
      const rows = await this.rows<SearchSectionRow>(
        `SELECT ${columns}
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(committee, meeting, sak, n)
         JOIN search_sections s ON s.committee = c.committee AND s.meeting = c.meeting AND coalesce(s.sak, '') = coalesce(c.sak, '')
         ORDER BY c.n, s.position`,
        [cases.map((c) => c.committee), cases.map((c) => c.meeting), cases.map((c) => c.sak)],
      );
      for (const r of rows) yield toSearchSection(r);
      return;
    }
    // A page at a time, each read whole, as on SQLite: no connection is held across a yield.
    for (let after = '-1'; ;) {
      const rows = await this.rows<SearchSectionRow & { position: string }>(
        `SELECT ${columns} FROM search_sections s WHERE s.position > $1::bigint ORDER BY s.position LIMIT ${SECTION_BATCH}`,
        [after],
      );
      if (!rows.length) return;
      for (const r of rows) yield toSearchSection(r);
      after = rows.at(-1)!.position;
    }
  }

  async searchSnapshot(): Promise<{ revision: number; bytes: Uint8Array } | null> {
    const row = await this.one<{ revision: string; bytes: Buffer }>(
      'SELECT revision, bytes FROM search_snapshot WHERE id = 1',
    );
    return row && { revision: Number(row.revision), bytes: row.bytes };
  }

  async saveSearchSnapshot(revision: number, bytes: Uint8Array): Promise<boolean> {
    // One statement: it keeps the blob only while the sections stand at its revision.
    const { rowCount } = await this.pool.query(
      `INSERT INTO search_snapshot (id, revision, bytes) SELECT 1, $1, $2 FROM search_revision WHERE id = 1 AND revision = $1
       ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, bytes = excluded.bytes`,
      [revision, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
    return (rowCount ?? 0) > 0;
  }

  async onRecordChange(listener: RecordChangeListener): Promise<() => void> {
    this.recordListeners.add(listener);
    this.listener ??= { client: null, retry: null, revision: -1, ready: null };
    this.listener.ready ??= this.listen(this.listener);
    await this.listener.ready;
    return () => {
      this.recordListeners.delete(listener);
      if (!this.recordListeners.size) void this.stopListening();
    };
  }

  /** Opens the LISTEN connection; after a break, reconnects and tells a change missed meanwhile. */
  private async listen(state: RecordListener): Promise<void> {
    if (this.closed || this.listener !== state) return;
    const client = new pg.Client({ connectionString: this.url });
    const broken = (err: Error) => {
      this.onError(err);
      if (state.client !== client) return;
      state.client = null;
      client.end().catch(() => undefined);
      if (this.listener !== state) return;
      state.retry = setTimeout(() => {
        state.retry = null;
        void this.listen(state);
      }, LISTEN_RETRY_MS);
      state.retry.unref();
    };
    client.on('error', broken);
    client.on('notification', (n) => {
      if (n.channel === RECORD_CHANNEL && this.listener === state) this.tell(Number(n.payload));
    });
    state.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${RECORD_CHANNEL}`);
      const now = await this.revision();
      // The first connection learns where the record stands; a reconnection tells what it missed.
      if (state.revision === -1) state.revision = now;
      else this.tell(now);
    } catch (err) {
      broken(err as Error);
    }
    // Listening may have stopped while this connection was being made.
    if (this.listener !== state && state.client === client) {
      state.client = null;
      await client.end().catch(() => undefined);
    }
  }

  private tell(revision: number): void {
    const state = this.listener;
    if (!state || revision <= state.revision) return;
    state.revision = revision;
    for (const listener of this.recordListeners) listener(revision);
  }

  private async stopListening(): Promise<void> {
    const state = this.listener;
    this.listener = null;
    if (!state) return;
    if (state.retry) clearTimeout(state.retry);
    await state.client?.end().catch(() => undefined);
  }

  async saveConversation(c: ConversationRecord): Promise<void> {
    const now = new Date().toISOString();
    await this.pool.query(
      `INSERT INTO conversations (id, tenant_id, kind, reference_json, installed_by, installed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, kind = excluded.kind, reference_json = excluded.reference_json,
           installed_by = coalesce(conversations.installed_by, excluded.installed_by), updated_at = excluded.updated_at`,
      [c.id, c.tenantId, c.kind, JSON.stringify(c.reference), c.installedBy ?? null, now],
    );
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const row = await this.one<ConversationRow>(
      'SELECT id, tenant_id, kind, reference_json, installed_by FROM conversations WHERE id = $1',
      [id],
    );
    return row ? toConversation(row) : null;
  }

  async saveFeedback(f: FeedbackRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO answer_feedback (conversation_id, user_id, question, answer, reaction, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (conversation_id, user_id, question) DO UPDATE SET reaction = excluded.reaction, answer = excluded.answer,
           comment = excluded.comment, created_at = excluded.created_at`,
      [
        f.conversationId,
        f.userId,
        f.question,
        f.answer,
        f.reaction,
        f.comment ?? null,
        new Date().toISOString(),
      ],
    );
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return (
      await this.rows<FeedbackRow>(
        'SELECT conversation_id, user_id, question, answer, reaction, comment, created_at FROM answer_feedback ORDER BY id',
      )
    ).map(toFeedback);
  }

  async saveSentAnswer(a: SentAnswer): Promise<void> {
    await this.pool.query(
      `INSERT INTO sent_answers (conversation_id, activity_id, question, answer, sent_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (conversation_id, activity_id) DO UPDATE SET question = excluded.question, answer = excluded.answer, sent_at = excluded.sent_at`,
      [a.conversationId, a.activityId, a.question, a.answer, new Date().toISOString()],
    );
  }

  async getSentAnswer(conversationId: string, activityId: string): Promise<SentAnswer | null> {
    const row = await this.one<{ question: string; answer: string }>(
      'SELECT question, answer FROM sent_answers WHERE conversation_id = $1 AND activity_id = $2',
      [conversationId, activityId],
    );
    return row ? { conversationId, activityId, ...row } : null;
  }

  async setSubscription(sub: Omit<Subscription, 'changedAt'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscriptions (conversation_id, committee, active, changed_by, changed_at, ended_reason) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (conversation_id, committee) DO UPDATE SET active = excluded.active, changed_by = excluded.changed_by,
           changed_at = excluded.changed_at, ended_reason = excluded.ended_reason`,
      [
        sub.conversationId,
        sub.committee,
        sub.active,
        sub.changedBy,
        new Date().toISOString(),
        sub.endedReason,
      ],
    );
  }

  async listSubscriptions(
    filter: { conversationId?: string; activeOnly?: boolean } = {},
  ): Promise<Subscription[]> {
    return (
      await this.rows<SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE ($1::text IS NULL OR conversation_id = $1) AND (NOT $2 OR active)
         ORDER BY conversation_id, committee`,
        [filter.conversationId ?? null, filter.activeOnly ?? false],
      )
    ).map(toSubscription);
  }

  async planAgendaPosts(posts: PlannedAgendaPost[]): Promise<void> {
    if (!posts.length) return;
    await this.pool.query(
      `INSERT INTO agenda_posts (committee, meeting_key, conversation_id, lead, due_at, starts_at, status)
       SELECT *, 'pending' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (meeting_key, conversation_id, lead) DO UPDATE SET due_at = excluded.due_at, starts_at = excluded.starts_at
       WHERE agenda_posts.status = 'pending'`,
      [
        posts.map((p) => p.committee),
        posts.map((p) => p.meetingKey),
        posts.map((p) => p.conversationId),
        posts.map((p) => p.lead),
        posts.map((p) => p.dueAt),
        posts.map((p) => p.startsAt),
      ],
    );
  }

  async claimAgendaPosts(now: string, owner: string, leaseUntil: string): Promise<AgendaPost[]> {
    // Claimable: pending, or claimed by a process whose lease ran out. Rows another instance is
    // working on are skipped, never waited for: it is claiming them.
    const open = `(p.status = 'pending' OR (p.status = 'claimed' AND p.lease_until <= $1))`;
    const claimed = await this.transaction(async (db) => {
      await db.query(
        `UPDATE agenda_posts SET status = 'expired' WHERE id IN (
           SELECT p.id FROM agenda_posts p WHERE ${open} AND p.starts_at <= $1 FOR UPDATE SKIP LOCKED)`,
        [now],
      );
      await db.query(
        `UPDATE agenda_posts SET status = 'superseded' WHERE id IN (
           SELECT p.id FROM agenda_posts p WHERE ${open} AND p.due_at <= $1 AND EXISTS (
             SELECT 1 FROM agenda_posts q WHERE q.meeting_key = p.meeting_key AND q.conversation_id = p.conversation_id
               AND q.due_at <= $1 AND q.due_at > p.due_at AND q.status IN ('pending', 'claimed', 'sent'))
           FOR UPDATE OF p SKIP LOCKED)`,
        [now],
      );
      return (
        await db.query<AgendaPostRow>(
          `UPDATE agenda_posts SET status = 'claimed', owner = $2, lease_until = $3, attempts = attempts + 1
           WHERE id IN (
             SELECT p.id FROM agenda_posts p JOIN subscriptions s
               ON s.conversation_id = p.conversation_id AND s.committee = p.committee AND s.active
             WHERE ${open} AND p.due_at <= $1
             FOR UPDATE OF p SKIP LOCKED)
           RETURNING *`,
          [now, owner, leaseUntil],
        )
      ).rows;
    });
    return claimed
      .sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id))
      .map(toAgendaPost);
  }

  async finishAgendaPost(
    id: number,
    owner: string,
    outcome: { status: 'sent'; activityId: string; cardHash: string } | { status: 'failed'; error: string },
  ): Promise<boolean> {
    const sent = outcome.status === 'sent';
    return (
      (await this.changes(
        `UPDATE agenda_posts SET status = $1, activity_id = $2, card_hash = $3, error = $4, sent_at = $5, lease_until = NULL
         WHERE id = $6 AND owner = $7 AND status = 'claimed'`,
        [
          outcome.status,
          sent ? outcome.activityId : null,
          sent ? outcome.cardHash : null,
          sent ? null : outcome.error,
          sent ? new Date().toISOString() : null,
          id,
          owner,
        ],
      )) === 1
    );
  }

  async listSentAgendaPosts(now: string): Promise<AgendaPost[]> {
    return (
      await this.rows<AgendaPostRow>(
        `SELECT * FROM agenda_posts WHERE status = 'sent' AND starts_at > $1 ORDER BY meeting_key, conversation_id, due_at`,
        [now],
      )
    ).map(toAgendaPost);
  }

  async setAgendaPostCard(id: number, cardHash: string): Promise<void> {
    await this.pool.query('UPDATE agenda_posts SET card_hash = $1 WHERE id = $2', [cardHash, id]);
  }

  async setConversationMeeting(m: ConversationMeeting): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversation_meetings (conversation_id, committee, meeting, current_sak, changed_by, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (conversation_id) DO UPDATE SET committee = excluded.committee, meeting = excluded.meeting,
           current_sak = excluded.current_sak, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
      [m.conversationId, m.committee, m.meeting, m.currentSak, m.changedBy, new Date().toISOString()],
    );
  }

  async getConversationMeeting(conversationId: string): Promise<ConversationMeeting | null> {
    const r = await this.one<ConversationMeetingRow>(
      'SELECT * FROM conversation_meetings WHERE conversation_id = $1',
      [conversationId],
    );
    return r ? toConversationMeeting(r) : null;
  }

  async addInnspill(i: NewInnspill): Promise<Innspill> {
    const now = new Date().toISOString();
    const row = await this.one<InnspillRow>(
      `INSERT INTO innspill (committee, meeting, sak, conversation_id, author_id, author_name, organisation, text, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
      [
        i.committee,
        i.meeting,
        i.sak,
        i.conversationId,
        i.authorId,
        i.authorName,
        i.organisation,
        i.text,
        now,
      ],
    );
    return toInnspill(row!);
  }

  async addActionPoint(a: NewActionPoint): Promise<ActionPoint> {
    const row = await this.one<ActionPointRow>(
      `INSERT INTO action_points (${ACTION_POINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING *`,
      actionPointValues(a, new Date().toISOString()),
    );
    return toActionPoint(row!);
  }

  async importActionPoints(points: NewActionPoint[]): Promise<void> {
    if (!points.length) return;
    const now = new Date().toISOString();
    // One statement: the points as parallel arrays, each column unnested.
    const columns = points.map((a) => actionPointValues(a, now));
    await this.pool.query(
      `INSERT INTO action_points (${ACTION_POINT_COLUMNS})
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                              $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         ON CONFLICT (record_key) DO NOTHING`,
      columns[0]!.map((_, i) => columns.map((c) => c[i])),
    );
  }

  async getActionPoint(id: number): Promise<ActionPoint | null> {
    const r = await this.one<ActionPointRow>('SELECT * FROM action_points WHERE id = $1', [id]);
    return r ? toActionPoint(r) : null;
  }

  async completeActionPoint(id: number, by: string): Promise<ActionPoint | null> {
    const r = await this.one<ActionPointRow>(
      `UPDATE action_points SET status = 'done', done_by = $1, done_at = $2
       WHERE id = $3 AND status = 'open' RETURNING *`,
      [by, new Date().toISOString(), id],
    );
    return r ? toActionPoint(r) : null;
  }

  async listActionPoints(filter: ActionPointFilter): Promise<ActionPoint[]> {
    return (
      await this.rows<ActionPointRow>(
        `SELECT * FROM action_points WHERE ($1::text IS NULL OR committee = $1)
           AND ($2::text IS NULL OR meeting = $2) AND ($3::text IS NULL OR status = $3)
           AND ($4::text IS NULL OR conversation_id = $4) ORDER BY id`,
        [
          filter.committee ?? null,
          filter.meeting ?? null,
          filter.status ?? null,
          filter.conversationId ?? null,
        ],
      )
    ).map(toActionPoint);
  }

  async getInnspill(id: number): Promise<Innspill | null> {
    const r = await this.one<InnspillRow>('SELECT * FROM innspill WHERE id = $1', [id]);
    return r ? toInnspill(r) : null;
  }

  async editInnspill(
    id: number,
    authorId: string,
    change: { text: string; organisation: string | null },
  ): Promise<Innspill | null> {
    const r = await this.one<InnspillRow>(
      `UPDATE innspill SET text = $1, organisation = $2, updated_at = $3
       WHERE id = $4 AND author_id = $5 AND withdrawn_at IS NULL RETURNING *`,
      [change.text, change.organisation, new Date().toISOString(), id, authorId],
    );
    return r ? toInnspill(r) : null;
  }

  async withdrawInnspill(id: number, authorId: string): Promise<boolean> {
    return (
      (await this.changes(
        'UPDATE innspill SET withdrawn_at = $1 WHERE id = $2 AND author_id = $3 AND withdrawn_at IS NULL',
        [new Date().toISOString(), id, authorId],
      )) === 1
    );
  }

  async listInnspill(filter: { committee: string; meeting: string; sak?: string }): Promise<Innspill[]> {
    return (
      await this.rows<InnspillRow>(
        `SELECT * FROM innspill WHERE committee = $1 AND meeting = $2 AND ($3::text IS NULL OR sak = $3)
           AND withdrawn_at IS NULL ORDER BY id`,
        [filter.committee, filter.meeting, filter.sak ?? null],
      )
    ).map(toInnspill);
  }

  async createPoll(p: NewPoll): Promise<Poll> {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const row = await this.one<PollRow>(
      `INSERT INTO polls (id, conversation_id, committee, meeting, sak, kind, question, options_json, max_picks, anonymous, results, closes_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
      [
        id,
        p.conversationId,
        p.committee,
        p.meeting,
        p.sak,
        p.kind,
        p.question,
        JSON.stringify(p.options),
        p.maxPicks,
        p.anonymous,
        p.results,
        p.closesAt,
        p.createdBy,
        new Date().toISOString(),
      ],
    );
    return toPoll(row!);
  }

  async getPoll(id: string): Promise<Poll | null> {
    const r = await this.one<PollRow>('SELECT * FROM polls WHERE id = $1', [id]);
    return r ? toPoll(r) : null;
  }

  async latestOpenPoll(conversationId: string): Promise<Poll | null> {
    const r = await this.one<PollRow>(
      'SELECT * FROM polls WHERE conversation_id = $1 AND closed_at IS NULL ORDER BY created_at DESC, seq DESC LIMIT 1',
      [conversationId],
    );
    return r ? toPoll(r) : null;
  }

  async listPolls(conversationId: string): Promise<Poll[]> {
    return (
      await this.rows<PollRow>('SELECT * FROM polls WHERE conversation_id = $1 ORDER BY created_at, seq', [
        conversationId,
      ])
    ).map(toPoll);
  }

  async latestPoll(conversationId: string): Promise<Poll | null> {
    const r = await this.one<PollRow>(
      'SELECT * FROM polls WHERE conversation_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1',
      [conversationId],
    );
    return r ? toPoll(r) : null;
  }

  async setPollActivity(id: string, activityId: string): Promise<void> {
    await this.pool.query('UPDATE polls SET activity_id = $1 WHERE id = $2', [activityId, id]);
  }

  async closePoll(id: string, at: string): Promise<boolean> {
    return (
      (await this.changes('UPDATE polls SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL', [
        at,
        id,
      ])) === 1
    );
  }

  async deletePoll(id: string): Promise<void> {
    await this.pool.query('DELETE FROM polls WHERE id = $1', [id]);
  }

  async pollsDue(now: string): Promise<Poll[]> {
    return (
      await this.rows<PollRow>(
        'SELECT * FROM polls WHERE closed_at IS NULL AND closes_at IS NOT NULL AND closes_at <= $1 ORDER BY seq',
        [now],
      )
    ).map(toPoll);
  }

  castVote(v: PollVote): Promise<CountedAnswer[] | null> {
    return this.votes.add(v.pollId, v);
  }

  /**
   * A batch of votes on one poll (distinct voters), in one statement: all counted, or none when the
   * poll is closed. FOR SHARE holds the open poll until the votes are in: a close waits for them,
   * and votes that come after the close see the poll closed and are refused. The count is taken in
   * the same statement: it cannot see the rows its own insert writes, so it counts the other
   * voters' rows and adds the ones just cast (first given where a voter first voted), and every
   * vote of the batch gets that count back.
   */
  private async castVotes(pollId: string, votes: PollVote[]): Promise<CountedAnswer[] | null> {
    const rows = await this.rows<{ answer_json: string; count: number; cast: number }>(
      `WITH cast_vote AS (
         INSERT INTO poll_votes (poll_id, voter_key, voter_name, answer_json, voted_at)
         SELECT p.id, v.voter_key, v.voter_name, v.answer_json, v.voted_at
         FROM (SELECT id FROM polls WHERE id = $1 AND closed_at IS NULL FOR SHARE) p,
           unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS v(voter_key, voter_name, answer_json, voted_at, n)
         ORDER BY v.n
         ON CONFLICT (poll_id, voter_key) DO UPDATE SET answer_json = excluded.answer_json, voter_name = excluded.voter_name, voted_at = excluded.voted_at
         RETURNING seq, answer_json
       )
       SELECT answer_json, count(*)::int AS count, (SELECT count(*) FROM cast_vote)::int AS cast
       FROM (
         SELECT seq, answer_json FROM poll_votes WHERE poll_id = $1 AND voter_key <> ALL($2)
         UNION ALL SELECT seq, answer_json FROM cast_vote
       ) v
       GROUP BY answer_json ORDER BY min(seq)`,
      [
        pollId,
        votes.map((v) => v.voterKey),
        votes.map((v) => v.voterName),
        votes.map((v) => JSON.stringify(v.answer)),
        votes.map((v) => v.votedAt),
      ],
    );
    if (rows[0]?.cast !== votes.length) return null;
    return rows.map((r) => ({
      answer: JSON.parse(r.answer_json) as CountedAnswer['answer'],
      count: r.count,
    }));
  }

  async listVotes(pollId: string): Promise<PollVote[]> {
    return (
      await this.rows<VoteRow>('SELECT * FROM poll_votes WHERE poll_id = $1 ORDER BY seq', [pollId])
    ).map(toVote);
  }

  async countAnswers(pollId: string): Promise<CountedAnswer[]> {
    return (
      await this.rows<{ answer_json: string; count: number }>(
        'SELECT answer_json, count(*)::int AS count FROM poll_votes WHERE poll_id = $1 GROUP BY answer_json ORDER BY min(seq)',
        [pollId],
      )
    ).map((r) => ({ answer: JSON.parse(r.answer_json) as CountedAnswer['answer'], count: r.count }));
  }

  async getVote(pollId: string, voterKey: string): Promise<PollVote | null> {
    const r = await this.one<VoteRow>('SELECT * FROM poll_votes WHERE poll_id = $1 AND voter_key = $2', [
      pollId,
      voterKey,
    ]);
    return r ? toVote(r) : null;
  }

  async addQuestion(q: NewAudienceQuestion): Promise<AudienceQuestion> {
    const row = await this.one<{ id: number }>(
      `INSERT INTO audience_questions (conversation_id, committee, meeting, sak, text, author_key, author_name, anonymous, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        q.conversationId,
        q.committee,
        q.meeting,
        q.sak,
        q.text,
        q.authorKey,
        q.anonymous ? null : q.authorName,
        q.anonymous,
        new Date().toISOString(),
      ],
    );
    return (await this.getQuestion(row!.id))!;
  }

  async getQuestion(id: number): Promise<AudienceQuestion | null> {
    const r = await this.one<QuestionRow>(`${QUESTION_SELECT} WHERE q.id = $1`, [id]);
    return r ? toQuestion(r) : null;
  }

  async upvoteQuestion(id: number, voterKey: string): Promise<boolean> {
    return (
      (await this.changes(
        `INSERT INTO question_upvotes (question_id, voter_key) SELECT id, $2 FROM audience_questions WHERE id = $1
           ON CONFLICT DO NOTHING`,
        [id, voterKey],
      )) === 1
    );
  }

  async setQuestionStatus(id: number, status: QuestionStatus): Promise<boolean> {
    return (
      (await this.changes('UPDATE audience_questions SET status = $1 WHERE id = $2', [status, id])) === 1
    );
  }

  async listQuestions(filter: {
    conversationId: string;
    sak?: string | null;
    includeHidden?: boolean;
  }): Promise<AudienceQuestion[]> {
    return (
      await this.rows<QuestionRow>(
        `${QUESTION_SELECT} WHERE q.conversation_id = $1 AND ($2::text IS NULL OR q.sak = $2)
           AND ($3 OR q.status != 'hidden') ORDER BY upvotes DESC, q.id`,
        [filter.conversationId, filter.sak ?? null, filter.includeHidden ?? false],
      )
    ).map(toQuestion);
  }

  async recordMeetingEvent(e: MeetingEvent): Promise<boolean> {
    return (
      (await this.changes(
        `INSERT INTO meeting_events (meeting_id, kind, conversation_id, received_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [e.meetingId, e.kind, e.conversationId, new Date().toISOString()],
      )) === 1
    );
  }

  async secret(name: string): Promise<string> {
    let value = this.secrets.get(name);
    if (value === undefined) {
      // The first instance to ask creates it; every other instance reads that one.
      await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        name,
        randomBytes(32).toString('hex'),
      ]);
      value = (await this.one<{ value: string }>('SELECT value FROM settings WHERE key = $1', [name]))!.value;
      this.secrets.set(name, value);
    }
    return value;
  }

  async appliedMigrations(): Promise<number[]> {
    return (
      await this.rows<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    ).map((r) => r.version);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.recordListeners.clear();
    await this.stopListening();
    await this.pool.end();
  }
}
