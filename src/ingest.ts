// Files and folders → the store. Each file: size check, content hash (unchanged files are skipped),
// text, redaction, record, passages, one transaction. A bad file is reported and never stops the rest.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkFile, extractText, formatOf } from './documents/index.ts';
import { MotebotError, isMotebotError, type ErrorCode } from './errors.ts';
import type { Logger } from './logger.ts';
import { parseDocument } from './record/parse.ts';
import { toPassages } from './record/passages.ts';
import { redact } from './record/redact.ts';
import { syncSearchSections } from './search/sections.ts';
import type { Store } from './store/types.ts';

export interface IngestDeps {
  store: Store;
  logger?: Logger;
  maxBytes: number;
}

export interface IngestSummary {
  ingested: { source: string; meetings: number; passages: number; replaced: boolean }[];
  unchanged: string[];
  failed: { source: string; code: ErrorCode; reason: string }[];
  skipped: { source: string; reason: string }[];
}

const emptySummary = (): IngestSummary => ({ ingested: [], unchanged: [], failed: [], skipped: [] });

/** Files below a folder, sorted, hidden entries skipped. */
async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

async function ingestOne(
  bytes: Uint8Array,
  source: string,
  deps: IngestDeps,
  summary: IngestSummary,
): Promise<void> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const existing = await deps.store.findDocument(source);
  if (existing?.hash === hash) {
    summary.unchanged.push(source);
    return;
  }
  const extracted = await extractText(bytes, source, { maxBytes: deps.maxBytes });
  const { text, counts } = redact(extracted.text);
  const { meetings } = parseDocument(text);
  if (!meetings.length) {
    throw new MotebotError(
      'no_meeting_found',
      `«${source}» ser ikke ut som et møtedokument: fant verken møteinnkalling, referat eller saksliste.`,
    );
  }
  const passages = toPassages(meetings, source, text, extracted.pageStarts);
  const { replaced } = await deps.store.putDocument({
    source,
    hash,
    format: extracted.format,
    meetings,
    passages,
  });
  summary.ingested.push({ source, meetings: meetings.length, passages: passages.length, replaced });
  deps.logger?.info(
    { source, meetings: meetings.length, passages: passages.length, replaced, redacted: counts },
    'document ingested',
  );
}

function fail(summary: IngestSummary, source: string, err: unknown, logger?: Logger): void {
  const code: ErrorCode = isMotebotError(err) ? err.code : 'unreadable_file';
  const reason = isMotebotError(err) ? err.message : `«${source}» kunne ikke leses inn.`;
  summary.failed.push({ source, code, reason });
  logger?.warn({ source, code, err: err instanceof Error ? err.message : String(err) }, 'document failed');
}

/** Ingests one uploaded file (e.g. from Teams). */
export async function ingestBytes(
  bytes: Uint8Array,
  fileName: string,
  deps: IngestDeps,
): Promise<IngestSummary> {
  const summary = emptySummary();
  try {
    await ingestOne(bytes, path.basename(fileName), deps, summary);
  } catch (err) {
    fail(summary, path.basename(fileName), err, deps.logger);
  }
  await syncSearchSections(deps.store);
  return summary;
}

export async function ingestPaths(paths: string[], deps: IngestDeps): Promise<IngestSummary> {
  const summary = emptySummary();
  for (const p of paths) {
    let files: string[];
    let fromFolder: boolean;
    try {
      fromFolder = (await stat(p)).isDirectory();
      files = fromFolder ? await walk(p) : [p];
    } catch (err) {
      fail(
        summary,
        path.basename(p),
        new MotebotError('unreadable_file', `«${p}» finnes ikke eller kan ikke leses.`, { cause: err }),
        deps.logger,
      );
      continue;
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
        await ingestOne(new Uint8Array(await readFile(file)), source, deps, summary);
      } catch (err) {
        fail(summary, source, err, deps.logger);
      }
    }
  }
  // The search index is counted once the files are in, so a process answering next starts from counts.
  await syncSearchSections(deps.store);
  return summary;
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
