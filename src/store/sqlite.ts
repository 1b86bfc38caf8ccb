// The embedded default store: one SQLite file under DATA_DIR. WAL lets readers (the bot, `ask`)
// read while an ingest writes; every document is replaced in one transaction, so a reader sees
// either the old or the new version, never a mix.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ActionPoint, NewActionPoint } from '../actions/types.ts';
import type { ActionPointFilter } from './ports/action-points.ts';
import type { Innspill, NewInnspill } from '../innspill/types.ts';
import type { CountedAnswer, NewPoll, Poll, PollVote } from '../polls/types.ts';
import type { AudienceQuestion, QuestionStatus } from '../qna/types.ts';
import type { Passage } from '../record/types.ts';
import type { Migration } from './migrations/migration.ts';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.ts';
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
  SentAnswer,
  MeetingEvent,
  MeetingRow,
  NewAudienceQuestion,
  NewDocument,
  PlannedAgendaPost,
  RecordChangeListener,
  RecordChanges,
  Store,
  StoredDocument,
  StoredSearchSection,
  Subscription,
} from './types.ts';

/** How often another process's record changes are looked for while someone listens. */
const RECORD_POLL_MS = 500;

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
  /** Prepared statements by SQL text: preparing costs more than running, and a vote runs several. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly secrets = new Map<string, string>();
  private readonly recordListeners = new Set<RecordChangeListener>();
  private recordWatch: { timer: NodeJS.Timeout; revision: number } | null = null;

  private stmt<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s as unknown as Database.Statement<P, R>;
  }

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
    const row = this.stmt<[string], DocumentRow>(
      'SELECT id, source, hash, format, ingested_at FROM documents WHERE source = ?',
    ).get(source);
    return row ? toDocument(row) : null;
  }

  async putDocument(doc: NewDocument): Promise<{ document: StoredDocument; replaced: boolean }> {
    const insertPassage = this.stmt(
      'INSERT INTO passages (id, document_id, committee, meeting, date, sak, title, kind, text, source, line, page, end_line, heading_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const tx = this.db.transaction(() => {
      const old = this.stmt<[string], { id: number }>('SELECT id FROM documents WHERE source = ?').get(
        doc.source,
      );
      const revision =
        this.stmt<[], { revision: number }>('SELECT revision FROM record_revision WHERE id = 1').get()!
          .revision + 1;
      // The change log: which documents came and went and which saker's passages changed, so that
      // readers update what they hold for those saker alone.
      const logCases = this.stmt(
        'INSERT INTO record_change_cases (revision, committee, meeting, sak) SELECT DISTINCT ?, committee, meeting, sak FROM passages WHERE document_id = ?',
      );
      const logDocument = this.stmt('INSERT INTO record_changes (revision, document_id) VALUES (?, ?)');
      if (old) {
        logCases.run(revision, old.id);
        logDocument.run(revision, old.id);
        this.stmt('DELETE FROM documents WHERE id = ?').run(old.id);
      }
      const ingestedAt = new Date().toISOString();
      const { lastInsertRowid } = this.stmt(
        'INSERT INTO documents (source, hash, format, ingested_at, meetings_json, summary_json) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        doc.source,
        doc.hash,
        doc.format,
        ingestedAt,
        JSON.stringify(doc.meetings),
        summaryJson(doc.meetings),
      );
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
          p.locator.endLine ?? null,
          p.locator.headingPath ? JSON.stringify(p.locator.headingPath) : null,
        );
      });
      logCases.run(revision, id);
      logDocument.run(revision, id);
      this.stmt('UPDATE record_revision SET revision = ? WHERE id = 1').run(revision);
      return {
        document: { id, source: doc.source, hash: doc.hash, format: doc.format, ingestedAt },
        replaced: !!old,
      };
    });
    const saved = tx.immediate();
    this.checkRevision();
    return saved;
  }

  async listDocuments(): Promise<StoredDocument[]> {
    return this.stmt<[], DocumentRow>(
      'SELECT id, source, hash, format, ingested_at FROM documents ORDER BY source',
    )
      .all()
      .map(toDocument);
  }

  async listMeetings(opts: { summary?: boolean; documents?: number[] } = {}): Promise<MeetingRow[]> {
    const columns = meetingsColumns(opts.summary);
    const rows = opts.documents
      ? this.stmt<[string], MeetingsRow>(
          `SELECT ${columns} FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY source`,
        ).iterate(JSON.stringify(opts.documents))
      : this.stmt<[], MeetingsRow>(`SELECT ${columns} FROM documents ORDER BY source`).iterate();
    // One document at a time, so the long texts of all are never held at once.
    const out: MeetingRow[] = [];
    for (const r of rows) out.push(...readMeetings(r, opts.summary));
    return out;
  }

  async listPassages(): Promise<Passage[]> {
    const read = passageReader();
    const out: Passage[] = [];
    const rows = this.stmt<[], PassageRow>(
      'SELECT id, committee, meeting, date, sak, title, kind, text, source, line, page, end_line, heading_path FROM passages ORDER BY document_id, rowid',
    );
    for (const row of rows.iterate()) out.push(read(row));
    return out;
  }

  async *passageGroups(): AsyncGenerator<Passage[]> {
    const read = passageReader();
    // Rowids grow with every insert, so a group's smallest rowid is its first passage in document
    // order. Only the group keys are read up front; each group's text is read when its turn comes.
    const groups = this.stmt<[], { committee: string; meeting: string; sak: string | null; kind: string }>(
      'SELECT committee, meeting, sak, kind FROM passages GROUP BY committee, meeting, sak, kind ORDER BY MIN(rowid)',
    ).all();
    const select = this.stmt<[string, string, string | null, string], PassageRow>(
      'SELECT id, committee, meeting, date, sak, title, kind, text, source, line, page, end_line, heading_path FROM passages WHERE committee = ? AND meeting = ? AND sak IS ? AND kind = ? ORDER BY document_id, rowid',
    );
    for (const g of groups) {
      const passages = select.all(g.committee, g.meeting, g.sak, g.kind).map(read);
      // A group removed by an ingest since the keys were read is skipped; the reader sees the
      // revision move and reloads.
      if (passages.length) yield passages;
    }
  }

  async saveConversation(c: ConversationRecord): Promise<void> {
    const now = new Date().toISOString();
    this.stmt(
      `INSERT INTO conversations (id, tenant_id, kind, reference_json, installed_by, installed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET tenant_id = excluded.tenant_id, kind = excluded.kind, reference_json = excluded.reference_json,
           installed_by = coalesce(conversations.installed_by, excluded.installed_by), updated_at = excluded.updated_at`,
    ).run(c.id, c.tenantId, c.kind, JSON.stringify(c.reference), c.installedBy ?? null, now, now);
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const row = this.stmt<[string], ConversationRow>(
      'SELECT id, tenant_id, kind, reference_json, installed_by FROM conversations WHERE id = ?',
    ).get(id);
    return row ? toConversation(row) : null;
  }

  async saveFeedback(f: FeedbackRecord): Promise<void> {
    this.stmt(
      `INSERT INTO answer_feedback (conversation_id, user_id, question, answer, reaction, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(conversation_id, user_id, question) DO UPDATE SET reaction = excluded.reaction, answer = excluded.answer, comment = excluded.comment, created_at = excluded.created_at`,
    ).run(
      f.conversationId,
      f.userId,
      f.question,
      f.answer,
      f.reaction,
      f.comment ?? null,
      new Date().toISOString(),
    );
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return this.stmt<[], FeedbackRow>(
      'SELECT conversation_id, user_id, question, answer, reaction, comment, created_at FROM answer_feedback ORDER BY id',
    )
      .all()
      .map(toFeedback);
  }

  async saveSentAnswer(a: SentAnswer): Promise<void> {
    this.stmt(
      `INSERT OR REPLACE INTO sent_answers (conversation_id, activity_id, question, answer, sent_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(a.conversationId, a.activityId, a.question, a.answer, new Date().toISOString());
  }

  async getSentAnswer(conversationId: string, activityId: string): Promise<SentAnswer | null> {
    const row = this.stmt<[string, string], { question: string; answer: string }>(
      'SELECT question, answer FROM sent_answers WHERE conversation_id = ? AND activity_id = ?',
    ).get(conversationId, activityId);
    return row ? { conversationId, activityId, ...row } : null;
  }

  async passagesFor(cases: CaseRef[]): Promise<Passage[]> {
    const read = passageReader();
    const select = this.stmt<[string, string, string | null], PassageRow>(
      'SELECT id, committee, meeting, date, sak, title, kind, text, source, line, page, end_line, heading_path FROM passages WHERE committee = ? AND meeting = ? AND sak IS ? ORDER BY document_id, rowid',
    );
    return this.db.transaction(() =>
      cases.flatMap((c) => select.all(c.committee, c.meeting, c.sak).map(read)),
    )();
  }

  async setSubscription(sub: Omit<Subscription, 'changedAt'>): Promise<void> {
    this.stmt(
      `INSERT INTO subscriptions (conversation_id, committee, active, changed_by, changed_at, ended_reason) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(conversation_id, committee) DO UPDATE SET active = excluded.active, changed_by = excluded.changed_by,
           changed_at = excluded.changed_at, ended_reason = excluded.ended_reason`,
    ).run(
      sub.conversationId,
      sub.committee,
      sub.active ? 1 : 0,
      sub.changedBy,
      new Date().toISOString(),
      sub.endedReason,
    );
  }

  async listSubscriptions(
    filter: { conversationId?: string; activeOnly?: boolean } = {},
  ): Promise<Subscription[]> {
    return this.stmt<{ conversationId: string | null; activeOnly: number }, SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE (@conversationId IS NULL OR conversation_id = @conversationId)
           AND (@activeOnly = 0 OR active = 1)
         ORDER BY conversation_id, committee`,
    )
      .all({ conversationId: filter.conversationId ?? null, activeOnly: filter.activeOnly ? 1 : 0 })
      .map(toSubscription);
  }

  async planAgendaPosts(posts: PlannedAgendaPost[]): Promise<void> {
    const upsert = this.stmt(
      `INSERT INTO agenda_posts (committee, meeting_key, conversation_id, lead, due_at, starts_at, status)
       VALUES (?, ?, ?, ?, ?, ?, 'pending')
       ON CONFLICT(meeting_key, conversation_id, lead) DO UPDATE SET due_at = excluded.due_at, starts_at = excluded.starts_at
       WHERE agenda_posts.status = 'pending'`,
    );
    this.db.transaction(() => {
      for (const p of posts)
        upsert.run(p.committee, p.meetingKey, p.conversationId, p.lead, p.dueAt, p.startsAt);
    })();
  }

  async claimAgendaPosts(now: string, owner: string, leaseUntil: string): Promise<AgendaPost[]> {
    // Claimable: pending, or claimed by a process whose lease ran out.
    const open = `(p.status = 'pending' OR (p.status = 'claimed' AND p.lease_until <= @now))`;
    const tx = this.db.transaction(() => {
      this.stmt(`UPDATE agenda_posts AS p SET status = 'expired' WHERE ${open} AND p.starts_at <= @now`).run({
        now,
      });
      this.stmt(
        `UPDATE agenda_posts AS p SET status = 'superseded' WHERE ${open} AND p.due_at <= @now AND EXISTS (
             SELECT 1 FROM agenda_posts q WHERE q.meeting_key = p.meeting_key AND q.conversation_id = p.conversation_id
               AND q.due_at <= @now AND q.due_at > p.due_at AND q.status IN ('pending', 'claimed', 'sent'))`,
      ).run({ now });
      const due = this.stmt<{ now: string }, AgendaPostRow>(
        `SELECT p.* FROM agenda_posts p JOIN subscriptions s
             ON s.conversation_id = p.conversation_id AND s.committee = p.committee AND s.active = 1
           WHERE ${open} AND p.due_at <= @now
           ORDER BY p.due_at, p.id`,
      ).all({ now });
      const claim = this.stmt(
        `UPDATE agenda_posts SET status = 'claimed', owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?`,
      );
      for (const r of due) claim.run(owner, leaseUntil, r.id);
      return due.map((r) => toAgendaPost({ ...r, status: 'claimed', attempts: r.attempts + 1 }));
    });
    return tx.immediate();
  }

  async finishAgendaPost(
    id: number,
    owner: string,
    outcome: { status: 'sent'; activityId: string; cardHash: string } | { status: 'failed'; error: string },
  ): Promise<boolean> {
    const sent = outcome.status === 'sent';
    const { changes } = this.stmt(
      `UPDATE agenda_posts SET status = ?, activity_id = ?, card_hash = ?, error = ?, sent_at = ?, lease_until = NULL
         WHERE id = ? AND owner = ? AND status = 'claimed'`,
    ).run(
      outcome.status,
      sent ? outcome.activityId : null,
      sent ? outcome.cardHash : null,
      sent ? null : outcome.error,
      sent ? new Date().toISOString() : null,
      id,
      owner,
    );
    return changes === 1;
  }

  async listSentAgendaPosts(now: string): Promise<AgendaPost[]> {
    return this.stmt<[string], AgendaPostRow>(
      `SELECT * FROM agenda_posts WHERE status = 'sent' AND starts_at > ? ORDER BY meeting_key, conversation_id, due_at`,
    )
      .all(now)
      .map(toAgendaPost);
  }

  async setAgendaPostCard(id: number, cardHash: string): Promise<void> {
    this.stmt('UPDATE agenda_posts SET card_hash = ? WHERE id = ?').run(cardHash, id);
  }

  async setConversationMeeting(m: ConversationMeeting): Promise<void> {
    this.stmt(
      `INSERT INTO conversation_meetings (conversation_id, committee, meeting, current_sak, changed_by, changed_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(conversation_id) DO UPDATE SET committee = excluded.committee, meeting = excluded.meeting,
           current_sak = excluded.current_sak, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    ).run(m.conversationId, m.committee, m.meeting, m.currentSak, m.changedBy, new Date().toISOString());
  }

  async getConversationMeeting(conversationId: string): Promise<ConversationMeeting | null> {
    const r = this.stmt<[string], ConversationMeetingRow>(
      'SELECT * FROM conversation_meetings WHERE conversation_id = ?',
    ).get(conversationId);
    return r ? toConversationMeeting(r) : null;
  }

  async addInnspill(i: NewInnspill): Promise<Innspill> {
    const now = new Date().toISOString();
    const { lastInsertRowid } = this.stmt(
      `INSERT INTO innspill (committee, meeting, sak, conversation_id, author_id, author_name, organisation, text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      i.committee,
      i.meeting,
      i.sak,
      i.conversationId,
      i.authorId,
      i.authorName,
      i.organisation,
      i.text,
      now,
      now,
    );
    return (await this.getInnspill(Number(lastInsertRowid)))!;
  }

  async getInnspill(id: number): Promise<Innspill | null> {
    const r = this.stmt<[number], InnspillRow>('SELECT * FROM innspill WHERE id = ?').get(id);
    return r ? toInnspill(r) : null;
  }

  async editInnspill(
    id: number,
    authorId: string,
    change: { text: string; organisation: string | null },
  ): Promise<Innspill | null> {
    const { changes } = this.stmt(
      'UPDATE innspill SET text = ?, organisation = ?, updated_at = ? WHERE id = ? AND author_id = ? AND withdrawn_at IS NULL',
    ).run(change.text, change.organisation, new Date().toISOString(), id, authorId);
    return changes ? this.getInnspill(id) : null;
  }

  async withdrawInnspill(id: number, authorId: string): Promise<boolean> {
    const { changes } = this.stmt(
      'UPDATE innspill SET withdrawn_at = ? WHERE id = ? AND author_id = ? AND withdrawn_at IS NULL',
    ).run(new Date().toISOString(), id, authorId);
    return changes === 1;
  }

  async listInnspill(filter: { committee: string; meeting: string; sak?: string }): Promise<Innspill[]> {
    return this.stmt<{ committee: string; meeting: string; sak: string | null }, InnspillRow>(
      `SELECT * FROM innspill WHERE committee = @committee AND meeting = @meeting AND (@sak IS NULL OR sak = @sak)
           AND withdrawn_at IS NULL ORDER BY id`,
    )
      .all({ committee: filter.committee, meeting: filter.meeting, sak: filter.sak ?? null })
      .map(toInnspill);
  }

  async addActionPoint(a: NewActionPoint): Promise<ActionPoint> {
    const { lastInsertRowid } = this.stmt(
      `INSERT INTO action_points (${ACTION_POINT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...actionPointValues(a, new Date().toISOString()));
    return (await this.getActionPoint(Number(lastInsertRowid)))!;
  }

  async importActionPoints(points: NewActionPoint[]): Promise<void> {
    const insert = this.stmt(
      `INSERT INTO action_points (${ACTION_POINT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (record_key) DO NOTHING`,
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const a of points) insert.run(...actionPointValues(a, now));
    })();
  }

  async getActionPoint(id: number): Promise<ActionPoint | null> {
    const r = this.stmt<[number], ActionPointRow>('SELECT * FROM action_points WHERE id = ?').get(id);
    return r ? toActionPoint(r) : null;
  }

  async completeActionPoint(id: number, by: string): Promise<ActionPoint | null> {
    const { changes } = this.stmt(
      "UPDATE action_points SET status = 'done', done_by = ?, done_at = ? WHERE id = ? AND status = 'open'",
    ).run(by, new Date().toISOString(), id);
    return changes ? this.getActionPoint(id) : null;
  }

  async listActionPoints(filter: ActionPointFilter): Promise<ActionPoint[]> {
    return this.stmt<Record<string, string | null>, ActionPointRow>(
      `SELECT * FROM action_points WHERE (@committee IS NULL OR committee = @committee)
         AND (@meeting IS NULL OR meeting = @meeting) AND (@status IS NULL OR status = @status)
         AND (@conversation IS NULL OR conversation_id = @conversation) ORDER BY id`,
    )
      .all({
        committee: filter.committee ?? null,
        meeting: filter.meeting ?? null,
        status: filter.status ?? null,
        conversation: filter.conversationId ?? null,
      })
      .map(toActionPoint);
  }

  async createPoll(p: NewPoll): Promise<Poll> {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    this.stmt(
      `INSERT INTO polls (id, conversation_id, committee, meeting, sak, kind, question, options_json, max_picks, anonymous, results, closes_at, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      p.conversationId,
      p.committee,
      p.meeting,
      p.sak,
      p.kind,
      p.question,
      JSON.stringify(p.options),
      p.maxPicks,
      p.anonymous ? 1 : 0,
      p.results,
      p.closesAt,
      p.createdBy,
      new Date().toISOString(),
    );
    return (await this.getPoll(id))!;
  }

  async getPoll(id: string): Promise<Poll | null> {
    const r = this.stmt<[string], PollRow>('SELECT * FROM polls WHERE id = ?').get(id);
    return r ? toPoll(r) : null;
  }

  async latestOpenPoll(conversationId: string): Promise<Poll | null> {
    const r = this.stmt<[string], PollRow>(
      'SELECT * FROM polls WHERE conversation_id = ? AND closed_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ).get(conversationId);
    return r ? toPoll(r) : null;
  }

  async listPolls(conversationId: string): Promise<Poll[]> {
    return this.stmt<[string], PollRow>(
      'SELECT * FROM polls WHERE conversation_id = ? ORDER BY created_at, rowid',
    )
      .all(conversationId)
      .map(toPoll);
  }

  async recordMeetingEvent(e: MeetingEvent): Promise<boolean> {
    return (
      this.stmt(
        'INSERT OR IGNORE INTO meeting_events (meeting_id, kind, conversation_id, received_at) VALUES (?, ?, ?, ?)',
      ).run(e.meetingId, e.kind, e.conversationId, new Date().toISOString()).changes === 1
    );
  }

  async latestPoll(conversationId: string): Promise<Poll | null> {
    const r = this.stmt<[string], PollRow>(
      'SELECT * FROM polls WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ).get(conversationId);
    return r ? toPoll(r) : null;
  }

  async setPollActivity(id: string, activityId: string): Promise<void> {
    this.stmt('UPDATE polls SET activity_id = ? WHERE id = ?').run(activityId, id);
  }

  async closePoll(id: string, at: string): Promise<boolean> {
    return (
      this.stmt('UPDATE polls SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, id).changes === 1
    );
  }

  async deletePoll(id: string): Promise<void> {
    this.stmt('DELETE FROM polls WHERE id = ?').run(id);
  }

  async pollsDue(now: string): Promise<Poll[]> {
    return this.stmt<[string], PollRow>(
      'SELECT * FROM polls WHERE closed_at IS NULL AND closes_at IS NOT NULL AND closes_at <= ?',
    )
      .all(now)
      .map(toPoll);
  }

  async castVote(v: PollVote): Promise<CountedAnswer[] | null> {
    const upsert = this.stmt(
      `INSERT INTO poll_votes (poll_id, voter_key, voter_name, answer_json, voted_at)
       SELECT @pollId, @voterKey, @voterName, @answer, @votedAt WHERE EXISTS (SELECT 1 FROM polls WHERE id = @pollId AND closed_at IS NULL)
       ON CONFLICT(poll_id, voter_key) DO UPDATE SET answer_json = excluded.answer_json, voter_name = excluded.voter_name, voted_at = excluded.voted_at`,
    );
    const { changes } = upsert.run({
      pollId: v.pollId,
      voterKey: v.voterKey,
      voterName: v.voterName,
      answer: JSON.stringify(v.answer),
      votedAt: v.votedAt,
    });
    // The writer is this connection alone: nothing comes between the vote and its count.
    return changes === 1 ? this.countAnswers(v.pollId) : null;
  }

  async listVotes(pollId: string): Promise<PollVote[]> {
    return this.stmt<[string], VoteRow>('SELECT * FROM poll_votes WHERE poll_id = ? ORDER BY rowid')
      .all(pollId)
      .map(toVote);
  }

  async countAnswers(pollId: string): Promise<CountedAnswer[]> {
    return this.stmt<[string], { answer_json: string; count: number }>(
      'SELECT answer_json, count(*) AS count FROM poll_votes WHERE poll_id = ? GROUP BY answer_json ORDER BY min(rowid)',
    )
      .all(pollId)
      .map((r) => ({ answer: JSON.parse(r.answer_json) as CountedAnswer['answer'], count: r.count }));
  }

  async getVote(pollId: string, voterKey: string): Promise<PollVote | null> {
    const r = this.stmt<[string, string], VoteRow>(
      'SELECT * FROM poll_votes WHERE poll_id = ? AND voter_key = ?',
    ).get(pollId, voterKey);
    return r ? toVote(r) : null;
  }

  async addQuestion(q: NewAudienceQuestion): Promise<AudienceQuestion> {
    const { lastInsertRowid } = this.stmt(
      `INSERT INTO audience_questions (conversation_id, committee, meeting, sak, text, author_key, author_name, anonymous, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      q.conversationId,
      q.committee,
      q.meeting,
      q.sak,
      q.text,
      q.authorKey,
      q.anonymous ? null : q.authorName,
      q.anonymous ? 1 : 0,
      new Date().toISOString(),
    );
    return (await this.getQuestion(Number(lastInsertRowid)))!;
  }

  async getQuestion(id: number): Promise<AudienceQuestion | null> {
    const r = this.stmt<[number], QuestionRow>(`${QUESTION_SELECT} WHERE q.id = ?`).get(id);
    return r ? toQuestion(r) : null;
  }

  async upvoteQuestion(id: number, voterKey: string): Promise<boolean> {
    return (
      this.stmt(
        `INSERT INTO question_upvotes (question_id, voter_key) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM audience_questions WHERE id = ?)
           ON CONFLICT DO NOTHING`,
      ).run(id, voterKey, id).changes === 1
    );
  }

  async setQuestionStatus(id: number, status: QuestionStatus): Promise<boolean> {
    return this.stmt('UPDATE audience_questions SET status = ? WHERE id = ?').run(status, id).changes === 1;
  }

  async listQuestions(filter: {
    conversationId: string;
    sak?: string | null;
    includeHidden?: boolean;
  }): Promise<AudienceQuestion[]> {
    return this.stmt<{ conversationId: string; sak: string | null; hidden: number }, QuestionRow>(
      `${QUESTION_SELECT} WHERE q.conversation_id = @conversationId AND (@sak IS NULL OR q.sak = @sak)
           AND (@hidden = 1 OR q.status != 'hidden') ORDER BY upvotes DESC, q.id`,
    )
      .all({
        conversationId: filter.conversationId,
        sak: filter.sak ?? null,
        hidden: filter.includeHidden ? 1 : 0,
      })
      .map(toQuestion);
  }

  async secret(name: string): Promise<string> {
    let value = this.secrets.get(name);
    if (value === undefined) {
      this.stmt('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
        name,
        randomBytes(32).toString('hex'),
      );
      value = this.stmt<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(
        name,
      )!.value;
      this.secrets.set(name, value);
    }
    return value;
  }

  async revision(): Promise<number> {
    return this.currentRevision();
  }

  private currentRevision(): number {
    return this.stmt<[], { revision: number }>('SELECT revision FROM record_revision WHERE id = 1').get()!
      .revision;
  }

  async recordChangesSince(revision: number): Promise<RecordChanges | null> {
    return this.db.transaction(() => {
      const start = this.stmt<[], { revision: number }>(
        'SELECT revision FROM record_log_start WHERE id = 1',
      ).get()!;
      if (revision < start.revision) return null;
      const documents = this.stmt<[number], { document_id: number }>(
        'SELECT DISTINCT document_id FROM record_changes WHERE revision > ?',
      )
        .all(revision)
        .map((r) => r.document_id);
      const cases = this.stmt<[number], CaseRef>(
        'SELECT DISTINCT committee, meeting, sak FROM record_change_cases WHERE revision > ?',
      ).all(revision);
      const current = this.stmt<[], { revision: number }>(
        'SELECT revision FROM record_revision WHERE id = 1',
      ).get()!;
      return { revision: current.revision, documents, cases };
    })();
  }

  async searchTerms(): Promise<string[]> {
    const terms: string[] = [];
    for (const r of this.stmt<[], { id: number; term: string }>(
      'SELECT id, term FROM search_terms',
    ).iterate())
      terms[r.id] = r.term;
    return Array.from(terms, (t) => t ?? '');
  }

  async searchTermIds(terms: string[]): Promise<number[]> {
    const insert = this.stmt('INSERT OR IGNORE INTO search_terms (term) VALUES (?)');
    const select = this.stmt<[string], { id: number }>('SELECT id FROM search_terms WHERE term = ?');
    return this.db.transaction(() =>
      terms.map((t) => {
        insert.run(t);
        return select.get(t)!.id;
      }),
    )();
  }

  async searchIndexRevision(): Promise<number> {
    return this.stmt<[], { revision: number }>('SELECT revision FROM search_revision WHERE id = 1').get()!
      .revision;
  }

  async replaceSearchSections(change: {
    from: number;
    to: number;
    cases: CaseRef[] | 'all';
    sections: StoredSearchSection[];
  }): Promise<boolean> {
    const insert = this.stmt(
      `INSERT INTO search_sections (committee, meeting, sak, kind, title, year, position, length, terms, definitions)
         VALUES (?, ?, ?, ?, ?, ?, coalesce((SELECT MIN(rowid) FROM passages WHERE committee = ? AND meeting = ? AND sak IS ? AND kind = ?), 0), ?, ?, ?)`,
    );
    const remove = this.stmt('DELETE FROM search_sections WHERE committee = ? AND meeting = ? AND sak IS ?');
    return this.db
      .transaction(() => {
        if (
          this.stmt<[], { revision: number }>('SELECT revision FROM search_revision WHERE id = 1').get()!
            .revision !== change.from
        )
          return false;
        if (change.cases === 'all') this.stmt('DELETE FROM search_sections').run();
        else for (const c of change.cases) remove.run(c.committee, c.meeting, c.sak);
        for (const x of change.sections)
          insert.run(
            x.committee,
            x.meeting,
            x.sak,
            x.kind,
            x.title,
            x.year,
            x.committee,
            x.meeting,
            x.sak,
            x.kind,
            x.length,
            termBytes(x.terms),
            JSON.stringify(x.definitions),
          );
        this.stmt('UPDATE search_revision SET revision = ? WHERE id = 1').run(change.to);
        return true;
      })
      .immediate();
  }

  async *searchSections(cases?: CaseRef[]): AsyncGenerator<StoredSearchSection> {
    const columns = 'committee, meeting, sak, kind, title, year, position, length, terms, definitions';
    if (cases) {
      const select = this.stmt<[string, string, string | null], SearchSectionRow & { position: number }>(
        `SELECT ${columns} FROM search_sections WHERE committee = ? AND meeting = ? AND sak IS ? ORDER BY position`,
      );
      const rows = this.db.transaction(() =>
        cases.flatMap((c) => select.all(c.committee, c.meeting, c.sak)),
      )();
      for (const r of rows) yield toSearchSection(r);
      return;
    }
    // A page at a time, each read whole: a cursor left open across a yield would keep the
    // connection busy for every other query meanwhile.
    const page = this.stmt<[number], SearchSectionRow & { position: number }>(
      `SELECT ${columns} FROM search_sections WHERE position > ? ORDER BY position LIMIT 2000`,
    );
    for (let after = -1; ;) {
      const rows = page.all(after);
      if (!rows.length) return;
      for (const r of rows) yield toSearchSection(r);
      after = rows.at(-1)!.position;
    }
  }

  async searchSnapshot(): Promise<{ revision: number; bytes: Uint8Array } | null> {
    return (
      this.stmt<[], { revision: number; bytes: Buffer }>(
        'SELECT revision, bytes FROM search_snapshot WHERE id = 1',
      ).get() ?? null
    );
  }

  async saveSearchSnapshot(revision: number, bytes: Uint8Array): Promise<boolean> {
    // One statement: it keeps the blob only while the sections stand at its revision.
    return (
      this.stmt(
        `INSERT INTO search_snapshot (id, revision, bytes) SELECT 1, ?, ? FROM search_revision WHERE id = 1 AND revision = ?
         ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, bytes = excluded.bytes`,
      ).run(revision, bytes, revision).changes > 0
    );
  }

  async onRecordChange(listener: RecordChangeListener): Promise<() => void> {
    this.recordListeners.add(listener);
    // SQLite has no notifications between processes: one small row is read every so often, and
    // only while someone listens. Changes made through this store are told at once.
    if (!this.recordWatch) {
      const timer = setInterval(() => this.checkRevision(), RECORD_POLL_MS);
      timer.unref();
      this.recordWatch = { timer, revision: this.currentRevision() };
    }
    return () => {
      this.recordListeners.delete(listener);
      if (!this.recordListeners.size) this.stopRecordWatch();
    };
  }

  private checkRevision(): void {
    if (!this.recordWatch || !this.db.open) return;
    const revision = this.currentRevision();
    if (revision === this.recordWatch.revision) return;
    this.recordWatch.revision = revision;
    for (const listener of this.recordListeners) listener(revision);
  }

  private stopRecordWatch(): void {
    if (this.recordWatch) clearInterval(this.recordWatch.timer);
    this.recordWatch = null;
  }

  async appliedMigrations(): Promise<number[]> {
    return this.stmt<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((r) => r.version);
  }

  async close(): Promise<void> {
    this.recordListeners.clear();
    this.stopRecordWatch();
    this.db.close();
  }
}
