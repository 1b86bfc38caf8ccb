// Files and folders → the store. Each file: size check, content hash (unchanged files are skipped),
// then text, redaction, record and passages in an isolated worker (src/documents/isolated.ts), and
// one transaction. A bad or hostile file is reported with its reason and never stops the rest.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkFile, formatOf } from './documents/index.ts';
import { IsolatedReader } from './documents/isolated.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './documents/limits.ts';
import { MotebotError, isMotebotError, type ErrorCode } from './errors.ts';
import type { Logger } from './logger.ts';
import { syncSearchSections } from './search/sections.ts';
import type { Store } from './store/types.ts';

export interface IngestDeps {
  store: Store;
  logger?: Logger;
  /** Largest file accepted (MAX_FILE_MB). */
  maxBytes: number;
  /** The other limits on reading one file; defaults for those not given. */
  limits?: Partial<ReadLimits>;
}

export interface IngestSummary {
  ingested: { source: string; meetings: number; passages: number; replaced: boolean }[];
  unchanged: string[];
  failed: { source: string; code: ErrorCode; reason: string }[];
  skipped: { source: string; reason: string }[];
}

const emptySummary = (): IngestSummary => ({ ingested: [], unchanged: [], failed: [], skipped: [] });

/**
 * Files below a folder, sorted. Hidden entries and symbolic links are not followed (a link can
 * lead out of the folder, or round in a circle); each is listed in `skipped` with why.
 */
async function walk(dir: string, skipped: IngestSummary['skipped']): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.name.startsWith('.'))
      skipped.push({ source: e.name, reason: e.isDirectory() ? 'skjult mappe' : 'skjult fil' });
    else if (e.isSymbolicLink())
      skipped.push({ source: e.name, reason: 'symbolsk lenke; lenker følges ikke' });
    else if (e.isDirectory()) out.push(...(await walk(full, skipped)));
    else if (e.isFile()) out.push(full);
    else skipped.push({ source: e.name, reason: 'ikke en vanlig fil' });
  }
  return out;
}

async function ingestOne(
  bytes: Uint8Array,
  source: string,
  deps: IngestDeps,
  reader: IsolatedReader,
  summary: IngestSummary,
): Promise<void> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const existing = await deps.store.findDocument(source);
  if (existing?.hash === hash) {
    summary.unchanged.push(source);
    return;
  }
  const { format, record } = await reader.read(bytes, source);
  const { meetings, passages, redacted } = record;
  const { replaced } = await deps.store.putDocument({ source, hash, format, meetings, passages });
  summary.ingested.push({ source, meetings: meetings.length, passages: passages.length, replaced });
  deps.logger?.info(
    { source, meetings: meetings.length, passages: passages.length, replaced, redacted },
    'document ingested',
  );
}

function fail(summary: IngestSummary, source: string, err: unknown, logger?: Logger): void {
  const code: ErrorCode = isMotebotError(err) ? err.code : 'unreadable_file';
  const reason = isMotebotError(err) ? err.message : `«${source}» kunne ikke leses inn.`;
  summary.failed.push({ source, code, reason });
  const cause = err instanceof Error ? err.cause : undefined;
  logger?.warn(
    {
      source,
      code,
      err: err instanceof Error ? err.message : String(err),
      cause: cause ? String(cause) : undefined,
    },
    'document failed',
  );
}

const readerFor = (deps: IngestDeps) =>
  new IsolatedReader({ ...DEFAULT_LIMITS, ...deps.limits, maxBytes: deps.maxBytes });

/** Ingests one uploaded file (e.g. from Teams). */
export async function ingestBytes(
  bytes: Uint8Array,
  fileName: string,
  deps: IngestDeps,
): Promise<IngestSummary> {
  const summary = emptySummary();
  const reader = readerFor(deps);
  try {
    await ingestOne(bytes, path.basename(fileName), deps, reader, summary);
  } catch (err) {
    fail(summary, path.basename(fileName), err, deps.logger);
  } finally {
    await reader.close();
  }
  await syncSearchSections(deps.store);
  return summary;
}

export async function ingestPaths(paths: string[], deps: IngestDeps): Promise<IngestSummary> {
  const summary = emptySummary();
  const reader = readerFor(deps);
  try {
    for (const p of paths) await ingestPath(p, deps, reader, summary);
  } finally {
    await reader.close();
  }
  // The search index is counted once the files are in, so a process answering next starts from counts.
  await syncSearchSections(deps.store);
  return summary;
}

async function ingestPath(p: string, deps: IngestDeps, reader: IsolatedReader, summary: IngestSummary) {
  let files: string[];
  let fromFolder: boolean;
  try {
    fromFolder = (await stat(p)).isDirectory();
    files = fromFolder ? await walk(p, summary.skipped) : [p];
  } catch (err) {
    fail(
      summary,
      path.basename(p),
      new MotebotError('unreadable_file', `«${p}» finnes ikke eller kan ikke leses.`, { cause: err }),
      deps.logger,
    );
    return;
  }
  for (const file of files) {
    const source = path.basename(file);
    // Inside a folder, other kinds of files are passed over; a file named on its own must be readable.
    if (fromFolder && !formatOf(source)) {
      summary.skipped.push({ source, reason: 'filtypen støttes ikke' });
      continue;
    }
    try {
      checkFile(source, (await stat(file)).size, deps.maxBytes);
      await ingestOne(await readFile(file), source, deps, reader, summary);
    } catch (err) {
      fail(summary, source, err, deps.logger);
    }
  }
}

export function formatSummary(s: IngestSummary, lang: 'nb' | 'en' = 'nb'): string {
  const head =
    lang === 'en'
      ? `Ingested: ${s.ingested.length} · Unchanged: ${s.unchanged.length} · Failed: ${s.failed.length}${s.skipped.length ? ` · Skipped: ${s.skipped.length}` : ''}`
      : `Lest inn: ${s.ingested.length} · Uendret: ${s.unchanged.length} · Feilet: ${s.failed.length}${s.skipped.length ? ` · Hoppet over: ${s.skipped.length}` : ''}`;
  const lines = [head];
  for (const i of s.ingested) {
    const what =
      lang === 'en'
        ? `${i.meetings} meeting(s), ${i.passages} passages${i.replaced ? ', replaced the earlier version' : ''}`
        : `${i.meetings} møte(r), ${i.passages} utdrag${i.replaced ? ', erstattet tidligere versjon' : ''}`;
    lines.push(`+ ${i.source}: ${what}`);
  }
  for (const f of s.failed) lines.push(`– ${f.source}: ${f.reason}`);
  for (const k of s.skipped) lines.push(`· ${k.source}: ${k.reason}`);
  return lines.join('\n');
}
