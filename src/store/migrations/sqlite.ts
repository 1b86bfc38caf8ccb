// The SQLite schema, as an ordered list of migrations. A new feature adds an entry; entries are
// never edited once released.
import type { Migration } from './migration.ts';

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'record',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        format TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        meetings_json TEXT NOT NULL
      );
      CREATE TABLE passages (
        id TEXT PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        committee TEXT NOT NULL,
        meeting TEXT NOT NULL,
        date TEXT,
        sak TEXT,
        title TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        line INTEGER NOT NULL,
        page INTEGER
      );
      CREATE INDEX passages_document ON passages(document_id);
      CREATE TABLE record_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
      INSERT INTO record_revision (id, revision) VALUES (1, 0);
    `,
  },
  {
    version: 2,
    name: 'conversations and answer feedback',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        tenant_id TEXT,
        kind TEXT NOT NULL,
        reference_json TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE answer_feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        reaction TEXT NOT NULL CHECK (reaction IN ('up', 'down')),
        created_at TEXT NOT NULL,
        UNIQUE (conversation_id, user_id, question)
      );
    `,
  },
  {
    version: 3,
    name: 'passages by sak',
    sql: `CREATE INDEX passages_case ON passages(committee, meeting, sak);`,
  },
  {
    version: 4,
    name: 'committee subscriptions and scheduled agenda posts',
    sql: `
      ALTER TABLE conversations ADD COLUMN installed_by TEXT;
      CREATE TABLE subscriptions (
        conversation_id TEXT NOT NULL,
        committee TEXT NOT NULL,
        active INTEGER NOT NULL,
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        ended_reason TEXT,
        PRIMARY KEY (conversation_id, committee)
      );
      CREATE TABLE agenda_posts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        committee TEXT NOT NULL,
        meeting_key TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        lead TEXT NOT NULL,
        due_at TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'sent', 'superseded', 'expired', 'failed')),
        owner TEXT,
        lease_until TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        activity_id TEXT,
        card_hash TEXT,
        sent_at TEXT,
        error TEXT,
        UNIQUE (meeting_key, conversation_id, lead)
      );
      CREATE INDEX agenda_posts_due ON agenda_posts(status, due_at);
    `,
  },
  {
    version: 5,
    name: 'in-meeting input: meeting chats, innspill, polls with one vote row per member, audience Q&A',
    sql: `
      CREATE TABLE conversation_meetings (
        conversation_id TEXT PRIMARY KEY,
        committee TEXT NOT NULL,
        meeting TEXT NOT NULL,
        current_sak TEXT,
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE TABLE innspill (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        committee TEXT NOT NULL,
        meeting TEXT NOT NULL,
        sak TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        organisation TEXT,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        withdrawn_at TEXT
      );
      CREATE INDEX innspill_sak ON innspill(committee, meeting, sak);
      CREATE TABLE polls (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        committee TEXT,
        meeting TEXT,
        sak TEXT,
        kind TEXT NOT NULL,
        question TEXT NOT NULL,
        options_json TEXT NOT NULL,
        max_picks INTEGER,
        anonymous INTEGER NOT NULL,
        results TEXT NOT NULL,
        closes_at TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        closed_at TEXT,
        activity_id TEXT
      );
      CREATE INDEX polls_conversation ON polls(conversation_id, created_at);
      CREATE TABLE poll_votes (
        poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
        voter_key TEXT NOT NULL,
        voter_name TEXT,
        answer_json TEXT NOT NULL,
        voted_at TEXT NOT NULL,
        PRIMARY KEY (poll_id, voter_key)
      );
      CREATE TABLE audience_questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        committee TEXT,
        meeting TEXT,
        sak TEXT,
        text TEXT NOT NULL,
        author_key TEXT NOT NULL,
        author_name TEXT,
        anonymous INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'hidden')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE question_upvotes (
        question_id INTEGER NOT NULL REFERENCES audience_questions(id) ON DELETE CASCADE,
        voter_key TEXT NOT NULL,
        PRIMARY KEY (question_id, voter_key)
      );
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 6,
    name: 'meeting start and end, handled once per Teams meeting',
    sql: `
      CREATE TABLE meeting_events (
        meeting_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('start', 'end')),
        conversation_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, kind)
      );
    `,
  },
  {
    version: 7,
    name: 'passage locators: where a passage ends and the headings it stands under',
    sql: `
      ALTER TABLE passages ADD COLUMN end_line INTEGER;
      ALTER TABLE passages ADD COLUMN heading_path TEXT;
    `,
  },
  {
    version: 8,
    name: 'LLM answers as sent, and the comment of Teams feedback on them',
    sql: `
      CREATE TABLE sent_answers (
        conversation_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, activity_id)
      );
      ALTER TABLE answer_feedback ADD COLUMN comment TEXT;
    `,
  },
  {
    version: 9,
    name: 'record change log, and the search index kept per section',
    sql: `
      CREATE TABLE record_log_start (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
      INSERT INTO record_log_start (id, revision) SELECT 1, revision FROM record_revision;
      CREATE TABLE record_changes (revision INTEGER NOT NULL, document_id INTEGER NOT NULL);
      CREATE INDEX record_changes_revision ON record_changes(revision);
      CREATE TABLE record_change_cases (revision INTEGER NOT NULL, committee TEXT NOT NULL, meeting TEXT NOT NULL, sak TEXT);
      CREATE INDEX record_change_cases_revision ON record_change_cases(revision);
      CREATE TABLE search_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
      CREATE TABLE search_sections (
        committee TEXT NOT NULL,
        meeting TEXT NOT NULL,
        sak TEXT,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        year INTEGER NOT NULL,
        position INTEGER NOT NULL,
        length INTEGER NOT NULL,
        terms BLOB NOT NULL,
        definitions TEXT NOT NULL
      );
      CREATE INDEX search_sections_case ON search_sections(committee, meeting, sak);
      CREATE INDEX search_sections_position ON search_sections(position);
      CREATE TABLE search_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
      INSERT INTO search_revision (id, revision) VALUES (1, 0);
      ALTER TABLE documents ADD COLUMN summary_json TEXT;
    `,
  },
  {
    version: 10,
    name: 'the search index as one blob per revision',
    sql: `
      CREATE TABLE search_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL, bytes BLOB NOT NULL);
    `,
  },
  {
    version: 11,
    name: "action points: a referat's, and those added in a meeting chat, open until marked done",
    sql: `
      CREATE TABLE action_points (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        committee TEXT NOT NULL,
        meeting TEXT NOT NULL,
        sak TEXT NOT NULL,
        text TEXT NOT NULL,
        owner TEXT,
        due TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        origin TEXT NOT NULL CHECK (origin IN ('referat', 'chat')),
        record_key TEXT UNIQUE,
        conversation_id TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        done_by TEXT,
        done_at TEXT
      );
      CREATE INDEX action_points_committee ON action_points(committee, status);
    `,
  },
  {
    version: 12,
    name: "a poll's answers counted from an index",
    // Every vote counts its poll's answers for the card it gets back: with the answers in an index
    // (the rowid too, as in every index) the count reads neither the table nor a sort to group them.
    sql: `
      CREATE INDEX poll_votes_answers ON poll_votes(poll_id, answer_json);
    `,
  },
];
