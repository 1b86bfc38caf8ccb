// motebot ingest | ask | inspect | eval — the command-line contract of ../shared/eval/README.md —
// and export (innspill for the referat). What only some commands use (the document readers, the
// parser, ingest, eval, export) is imported by those commands, so `ask` starts without it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAnswerer } from './answer/index.ts';
import { loadConfig } from './config.ts';
import { isMotebotError } from './errors.ts';
import type { EvalReport } from './eval.ts';
import type { ExportFormat } from './innspill/export.ts';
import type { RegisterFormat } from './register/register.ts';
import { createLogger } from './logger.ts';
import { openStore } from './store/index.ts';

const USAGE = `Bruk: motebot <kommando> [valg]

  ingest STI...                 Les inn møtedokumenter (.txt .md .html .pdf .docx, filer eller mapper)
  ask [--json] "SPØRSMÅL"       Still et spørsmål
  ask --json --batch FIL        Besvar en JSON-liste av {id, question}
  inspect --json FIL            Vis møtene som leses ut av én fil
  eval QA.json...               Kjør gullspørsmålene: treff per type for hver fil (hel, lest og
                                holdt-ute halvdel) og for alle filene samlet
  export innspill MØTE          Innspill per sak som utkast til referatet (MØTE: 2/2023 eller
    [--format md|csv|xlsx|docx «NUFA 27.10.2021»); Markdown til skjermen, ellers --out FIL;
     |referat-docx]             referat-docx: utkast til referat, forslagene som sannsynlige vedtak
    [--committee NUIT] [--out FIL]
  register [EMNE]               Vedtaksregisteret: vedtak og forslag der utfallet ikke er kjent,
    [--committee NUIT] [--year 2023]  nyeste først (EMNE: for eksempel PLL); CSV til skjermen,
    [--format csv|xlsx] [--out FIL]   ellers --out FIL

Valg: --data MAPPE (lagring, ellers DATA_DIR eller .data)`;

const batchSchema = z.array(z.object({ id: z.union([z.string(), z.number()]), question: z.string() }));

/** Asking for the usage, as a command or as the usual flags, is not an error. */
const HELP = new Set(['help', '--help', '-h']);

const OPTIONS = {
  json: { type: 'boolean' },
  batch: { type: 'string' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  out: { type: 'string' },
  committee: { type: 'string' },
  year: { type: 'string' },
} as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  } catch {
    // parseArgs explains in English and with a stack; name the problem in the CLI's own words.
    console.error(`Ukjent eller ufullstendig valg i «${rest.join(' ')}».\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (!command || values.help || HELP.has(command)) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(values.data ? { ...process.env, DATA_DIR: values.data } : process.env);
  } catch (err) {
    // A setting that does not hold is the user's to fix: its message, not a stack.
    if (!isMotebotError(err)) throw err;
    console.error(`Feil: ${err.message}`);
    return 1;
  }
  // What a command has to say it prints itself (an ingest's failures are in its summary): the log
  // adds only errors, unless a level is asked for, so each problem is told once.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
  try {
    switch (command) {
      case 'inspect': {
        const file = positionals[0];
        if (!file) throw new Error('inspect trenger en fil');
        const [{ readDocumentBytes }, { IsolatedReader }, { readLimits }, { inspectView }] =
          await Promise.all([
            import('./documents/index.ts'),
            import('./documents/isolated.ts'),
            import('./documents/limits.ts'),
            import('./record/inspect.ts'),
          ]);
        const limits = readLimits(config);
        const bytes = await readDocumentBytes(file, limits.maxBytes);
        // Read as ingest reads it, in a process of its own with the same limits: a hostile file
        // ends that process with its own error, not this one.
        const reader = new IsolatedReader(limits);
        try {
          const view = inspectView({ meetings: await reader.meetings(bytes, path.basename(file)) });
          console.log(JSON.stringify(view, null, 2));
        } finally {
          await reader.close();
        }
        return 0;
      }
      case 'ingest': {
        if (!positionals.length) throw new Error('ingest trenger minst én fil eller mappe');
        const [{ formatSummary, ingestPaths }, { readLimits }] = await Promise.all([
          import('./ingest.ts'),
          import('./documents/limits.ts'),
        ]);
        const store = await openStore(config);
        try {
          const summary = await ingestPaths(positionals, {
            store,
            logger,
            maxBytes: config.MAX_FILE_MB * 1024 * 1024,
            limits: readLimits(config),
          });
          console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, 'nb'));
          return summary.failed.length ? 2 : 0;
        } finally {
          await store.close();
        }
      }
      case 'ask': {
        const question = positionals.join(' ').trim();
        if (!question && !values.batch) {
          console.error(`Skriv et spørsmål: motebot ask "hva ble vedtatt i sak 12/24?"\n\n${USAGE}`);
          return 1;
        }
        const store = await openStore(config);
        try {
          const answerer = await createAnswerer({ store, config, logger, followChanges: false });
          if (values.batch) {
            const cases = batchSchema.parse(JSON.parse(await readFile(values.batch, 'utf8')));
            const out = [];
            for (const c of cases) {
              const a = await answerer.ask(c.question);
              out.push({
                id: c.id,
                answer: a.answer,
                citations: a.citations.map(publicCitation),
                abstained: a.abstained,
              });
            }
            console.log(JSON.stringify(out, null, 2));
            return 0;
          }
          const a = await answerer.ask(question);
          if (values.json) {
            console.log(
              JSON.stringify(
                { answer: a.answer, citations: a.citations.map(publicCitation), abstained: a.abstained },
                null,
                2,
              ),
            );
          } else {
            console.log(a.answer);
            for (const c of a.citations)
              console.log(
                `  [${c.committee} ${c.meeting} ${c.date ?? ''} sak ${c.sak ?? '–'} (${c.kind})] ${c.source}`,
              );
          }
          return 0;
        } finally {
          await store.close();
        }
      }
      case 'eval': {
        if (!positionals.length) throw new Error('eval trenger minst én QA.json-fil');
        const { evalCases, evalFiles, formatEvalReport, formatFileReport } = await import('./eval.ts');
        const files = await Promise.all(
          positionals.map(async (file) => ({
            file,
            cases: evalCases(JSON.parse(await readFile(file, 'utf8'))),
          })),
        );
        const store = await openStore(config);
        try {
          const answerer = await createAnswerer({ store, config, logger, followChanges: false });
          const { files: reports, union } = await evalFiles(files, answerer);
          if (values.json) {
            // The held-out half is reported as counts only: its cases are run, never read.
            const counts = ({ results: _results, ...rest }: EvalReport) => rest;
            const out = reports.map((r) => ({
              file: r.file,
              all: r.all,
              read: r.read,
              held: counts(r.held),
            }));
            console.log(JSON.stringify({ files: out, union: counts(union) }, null, 2));
          } else {
            const parts = reports.map(formatFileReport);
            if (reports.length > 1) parts.push(`alle filene\n${formatEvalReport(union)}`);
            console.log(parts.join('\n\n'));
          }
          return 0;
        } finally {
          await store.close();
        }
      }
      case 'export': {
        const [what, ...label] = positionals;
        const [{ EXPORT_FORMATS }, { findMeetingForExport }, { exportMeetingInput, gatherMeetingInput }] =
          await Promise.all([
            import('./innspill/export.ts'),
            import('./innspill/meeting.ts'),
            import('./meetings/input-export.ts'),
          ]);
        if (what !== 'innspill' || !label.length)
          throw new Error('skriv for eksempel «export innspill 2/2023»');
        const format = (values.format ?? 'md') as ExportFormat;
        if (!EXPORT_FORMATS.includes(format))
          throw new Error(`ukjent format «${format}»: bruk ${EXPORT_FORMATS.join(', ')}`);
        if ((format.endsWith('docx') || format === 'xlsx') && !values.out)
          throw new Error(`${format.toUpperCase()} skrives til en fil: legg til --out FIL`);
        const store = await openStore(config);
        try {
          const meeting = await findMeetingForExport(store, label.join(' '), values.committee?.toUpperCase());
          if (!meeting) throw new Error(`fant ingen møteinnkalling for «${label.join(' ')}»`);
          const bytes = await exportMeetingInput(meeting, await gatherMeetingInput(store, meeting), format);
          if (values.out) await writeFile(values.out, bytes);
          else process.stdout.write(Buffer.from(bytes));
          return 0;
        } finally {
          await store.close();
        }
      }
      case 'register': {
        const { decisionRegister, exportRegister, REGISTER_FORMATS } = await import('./register/register.ts');
        const format = (values.format ?? 'csv') as RegisterFormat;
        if (!REGISTER_FORMATS.includes(format))
          throw new Error(`ukjent format «${format}»: bruk ${REGISTER_FORMATS.join(' eller ')}`);
        if (format === 'xlsx' && !values.out) throw new Error('XLSX skrives til en fil: legg til --out FIL');
        const year = values.year === undefined ? undefined : Number(values.year);
        if (year !== undefined && !/^(19|20)\d\d$/.test(values.year!))
          throw new Error(`ugyldig år «${values.year}»`);
        const store = await openStore(config);
        try {
          const entries = await decisionRegister(store, {
            committee: values.committee?.toUpperCase(),
            year,
            topic: positionals.join(' ').trim() || undefined,
          });
          const bytes = await exportRegister(entries, format);
          if (values.out) await writeFile(values.out, bytes);
          else process.stdout.write(Buffer.from(bytes));
          return 0;
        } finally {
          await store.close();
        }
      }
      default:
        console.error(`Ukjent kommando «${command}».\n\n${USAGE}`);
        return 1;
    }
  } catch (err) {
    const message = isMotebotError(err) ? err.message : err instanceof Error ? err.message : String(err);
    console.error(`Feil: ${message}`);
    logger.debug({ err }, 'command failed');
    return 1;
  }
}

function publicCitation(c: import('./answer/types.ts').Citation) {
  const { committee, meeting, date, sak, title, source, kind } = c;
  return { committee, meeting, date, sak, title, source, kind };
}
