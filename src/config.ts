// The environment, read once into a typed, frozen config. Nothing else reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { MotebotError } from './errors.ts';
import { parseLeadTimes, type LeadTime } from './meetings/schedule.ts';

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const schema = z.object({
  DATA_DIR: z.string().default('.data'),
  STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** PostgreSQL connection string when STORE=postgres; TLS settings go in it (sslmode, sslrootcert). */
  DATABASE_URL: z.string().optional(),
  /** Connections each instance keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Largest document accepted at ingest, in megabytes. */
  MAX_FILE_MB: z.coerce.number().positive().default(50),
  // Limits on what one untrusted document may cost to read; each breach is that file's own error.
  /** Largest total size of a DOCX's entries once unpacked, in megabytes. */
  MAX_UNZIPPED_MB: z.coerce.number().positive().default(100),
  /** Most pages read from one PDF. */
  MAX_PAGES: z.coerce.number().int().positive().default(2_000),
  /**
   * Most characters of text taken from one document: about 30 times the largest package of the
   * corpus, and what keeps reading and storing one file within 600 MB for the reader and the
   * process ingesting together (measured by `npm run bench -- hostile`).
   */
  MAX_TEXT_CHARS: z.coerce.number().int().positive().default(5_000_000),
  /** Most passages one document may give (a text at MAX_TEXT_CHARS gives about 15,000). */
  MAX_PASSAGES: z.coerce.number().int().positive().default(20_000),
  /** Heap a document is read in (a process of its own), in megabytes. */
  READ_MEMORY_MB: z.coerce.number().int().positive().default(256),
  /** Time reading one document may take, in seconds. */
  READ_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  /** Time a file sent in chat may take to download, in seconds. */
  DOWNLOAD_TIMEOUT_SECONDS: z.coerce.number().positive().default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // OpenAI (or Azure OpenAI / any OpenAI-compatible server). Without a key Møtebot answers extractively.
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().optional(),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  AZURE_OPENAI_ENDPOINT: z.string().url().optional(),
  AZURE_OPENAI_API_KEY: z.string().optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().optional(),
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),

  // Teams / Bot Framework.
  /** 0 picks a free port (tests); the port taken is logged at start-up. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
  MICROSOFT_APP_ID: z.string().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  ALLOWED_TENANTS: list,
  /** Local mode: hosts besides loopback that an activity's serviceUrl may name (replies are sent there). */
  LOCAL_SERVICE_HOSTS: list,
  SECRETARIAT_AAD_IDS: list,
  BOT_DOMAIN: z.string().default('localhost'),
  /** Base URL members reach the bot's web pages at (export links, the side panel); derived when unset. */
  PUBLIC_URL: z.string().url().optional(),

  // Agenda cards before each meeting.
  /** Lead times before a meeting's start: "3d@09:00" (three days before at 09:00 Oslo time), "60m". */
  AGENDA_LEAD_TIMES: z.string().default('3d@09:00,60m'),
  /** How often the schedule is checked, in seconds. */
  AGENDA_POLL_SECONDS: z.coerce.number().int().positive().default(30),

  // In the meeting.
  /** Who may create polls: any member, or only the secretariat and the meeting organiser. */
  POLL_CREATORS: z.enum(['members', 'moderators']).default('members'),
});

export type Config = Readonly<z.infer<typeof schema>> & {
  /** Absolute store directory. */
  readonly dataDir: string;
  /** True when an LLM endpoint is configured (OpenAI, Azure OpenAI or a compatible base URL). */
  readonly llmEnabled: boolean;
  /** True with no app id: the bot accepts loopback traffic only. */
  readonly localMode: boolean;
  /** AGENDA_LEAD_TIMES, parsed. */
  readonly leadTimes: LeadTime[];
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new MotebotError('invalid_config', `Ugyldig konfigurasjon: ${issues}`);
  }
  const c = parsed.data;
  if (c.STORE === 'postgres' && !c.DATABASE_URL)
    throw new MotebotError(
      'invalid_config',
      'Ugyldig konfigurasjon: STORE=postgres trenger DATABASE_URL (postgres://bruker:passord@vert:5432/database).',
    );
  const leadTimes = parseLeadTimes(c.AGENDA_LEAD_TIMES);
  return Object.freeze({
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    llmEnabled: Boolean(c.OPENAI_API_KEY || c.AZURE_OPENAI_API_KEY || c.OPENAI_BASE_URL),
    localMode: !c.MICROSOFT_APP_ID,
    leadTimes,
  });
}
