// The PostgreSQL schema, as an ordered list of migrations. It holds what the SQLite migrations
// hold, written for PostgreSQL: instants stay ISO text as in SQLite, so both stores return exactly
// what was stored and compare instants the same way; `seq` columns keep the insertion order that
// SQLite's rowid gives. Entries are never edited once released; a change adds one.
import type { Migration } from './migration.ts';

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'record, conversations, agenda posts, in-meeting input, feedback and secrets',
    sql: `
      CREATE TABLE documents (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL UNIQUE,
        hash text NOT NULL,
        format text NOT NULL,
        ingested_at text NOT NULL,
        meetings_json text NOT NULL
      );
      CREATE TABLE passages (
        id text PRIMARY KEY,
        document_id integer NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord integer NOT NULL,
        committee text NOT NULL,
        meeting text NOT NULL,
        date text,
        sak text,
        title text,
        kind text NOT NULL,
        text text NOT NULL,
        source text NOT NULL,
        line integer NOT NULL,
        page integer,
        end_line integer,
        heading_path text
      );
      CREATE INDEX passages_document ON passages(document_id, ord);
      -- A meeting's own passages have no sak; '' stands for it so one index serves both.
      CREATE INDEX passages_case ON passages(committee, meeting, (coalesce(sak, '')), kind);
      CREATE TABLE record_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
      INSERT INTO record_revision (id, revision) VALUES (1, 0);

      CREATE TABLE conversations (
        id text PRIMARY KEY,
        tenant_id text,
        kind text NOT NULL,
        reference_json text NOT NULL,
        installed_by text,
        installed_at text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE TABLE subscriptions (
        conversation_id text NOT NULL,
        committee text NOT NULL,
        active boolean NOT NULL,
        changed_by text NOT NULL,
        changed_at text NOT NULL,
        ended_reason text,
        PRIMARY KEY (conversation_id, committee)
      );
      CREATE TABLE conversation_meetings (
        conversation_id text PRIMARY KEY,
        committee text NOT NULL,
        meeting text NOT NULL,
        current_sak text,
        changed_by text NOT NULL,
        changed_at text NOT NULL
      );

      CREATE TABLE agenda_posts (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        committee text NOT NULL,
        meeting_key text NOT NULL,
        conversation_id text NOT NULL,
        lead text NOT NULL,
        due_at text NOT NULL,
        starts_at text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'claimed', 'sent', 'superseded', 'expired', 'failed')),
        owner text,
        lease_until text,
        attempts integer NOT NULL DEFAULT 0,
        activity_id text,
        card_hash text,
        sent_at text,
        error text,
        UNIQUE (meeting_key, conversation_id, lead)
      );
      CREATE INDEX agenda_posts_due ON agenda_posts(status, due_at);

      CREATE TABLE innspill (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        committee text NOT NULL,
        meeting text NOT NULL,
        sak text NOT NULL,
        conversation_id text NOT NULL,
        author_id text NOT NULL,
        author_name text NOT NULL,
        organisation text,
        text text NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        withdrawn_at text
      );
      CREATE INDEX innspill_sak ON innspill(committee, meeting, sak);

      CREATE TABLE polls (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        conversation_id text NOT NULL,
        committee text,
        meeting text,
        sak text,
        kind text NOT NULL,
        question text NOT NULL,
        options_json text NOT NULL,
        max_picks integer,
        anonymous boolean NOT NULL,
        results text NOT NULL,
        closes_at text,
        created_by text NOT NULL,
        created_at text NOT NULL,
        closed_at text,
        activity_id text
      );
      CREATE INDEX polls_conversation ON polls(conversation_id, created_at);
      CREATE TABLE poll_votes (
        poll_id text NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
        voter_key text NOT NULL,
        -- Kept by an upsert, so a changed vote keeps its voter's first place in the order.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        voter_name text,
        answer_json text NOT NULL,
        voted_at text NOT NULL,
        PRIMARY KEY (poll_id, voter_key)
      );

      CREATE TABLE audience_questions (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        conversation_id text NOT NULL,
        committee text,
        meeting text,
        sak text,
        text text NOT NULL,
        author_key text NOT NULL,
        author_name text,
        anonymous boolean NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'hidden')),
        created_at text NOT NULL
      );
      CREATE INDEX audience_questions_conversation ON audience_questions(conversation_id);
      CREATE TABLE question_upvotes (
        question_id integer NOT NULL REFERENCES audience_questions(id) ON DELETE CASCADE,
        voter_key text NOT NULL,
        PRIMARY KEY (question_id, voter_key)
      );

      CREATE TABLE meeting_events (
        meeting_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('start', 'end')),
        conversation_id text NOT NULL,
        received_at text NOT NULL,
        PRIMARY KEY (meeting_id, kind)
      );

      CREATE TABLE answer_feedback (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        conversation_id text NOT NULL,
        user_id text NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        reaction text NOT NULL CHECK (reaction IN ('up', 'down')),
        comment text,
        created_at text NOT NULL,
        UNIQUE (conversation_id, user_id, question)
      );
      CREATE TABLE sent_answers (
        conversation_id text NOT NULL,
        activity_id text NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        sent_at text NOT NULL,
        PRIMARY KEY (conversation_id, activity_id)
      );

      CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'record change log, and the search index kept per section',
    sql: `
      CREATE TABLE record_log_start (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
      INSERT INTO record_log_start (id, revision) SELECT 1, revision FROM record_revision;
      CREATE TABLE record_changes (revision bigint NOT NULL, document_id integer NOT NULL);
      CREATE INDEX record_changes_revision ON record_changes(revision);
      CREATE TABLE record_change_cases (revision bigint NOT NULL, committee text NOT NULL, meeting text NOT NULL, sak text);
      CREATE INDEX record_change_cases_revision ON record_change_cases(revision);
      CREATE TABLE search_terms (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, term text NOT NULL UNIQUE);
      CREATE TABLE search_sections (
        committee text NOT NULL,
        meeting text NOT NULL,
        sak text,
        kind text NOT NULL,
        title text NOT NULL,
        year integer NOT NULL,
        -- The section's first passage, (document_id, ord) as one number: record order, to page by.
        position bigint NOT NULL,
        length integer NOT NULL,
        terms bytea NOT NULL,
        definitions text NOT NULL
      );
      CREATE INDEX search_sections_case ON search_sections(committee, meeting, (coalesce(sak, '')));
      CREATE INDEX search_sections_position ON search_sections(position);
      CREATE TABLE search_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
      INSERT INTO search_revision (id, revision) VALUES (1, 0);
      ALTER TABLE documents ADD COLUMN summary_json text;
    `,
  },
  {
    version: 3,
    name: 'the search index as one blob per revision',
    sql: `
      CREATE TABLE search_snapshot (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL, bytes bytea NOT NULL);
    `,
  },
  {
    version: 4,
    name: "action points: a referat's, and those added in a meeting chat, open until marked done",
    sql: `
      CREATE TABLE action_points (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        committee text NOT NULL,
        meeting text NOT NULL,
        sak text NOT NULL,
        text text NOT NULL,
        owner text,
        due text,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        origin text NOT NULL CHECK (origin IN ('referat', 'chat')),
        record_key text UNIQUE,
        conversation_id text,
        created_by text,
        created_at text NOT NULL,
        done_by text,
        done_at text
      );
      CREATE INDEX action_points_committee ON action_points(committee, status);
    `,
  },
];
