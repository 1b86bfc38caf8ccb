// Ingest: folders with good and bad files, versions by content hash, and redaction at ingest.
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { formatSummary, ingestBytes, ingestPaths } from '../src/ingest.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/types.ts';
import { docxBomb } from './helpers/docx-bomb.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/packages/nuit-3-2031.txt');
const MAX = 10 * 1024 * 1024;
/** A synthetic national identity number (01.01.1950, individual number 500) with valid check digits. */
const ID = '01015050094';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-ingest-'));
  store = await openStore(loadConfig({ DATA_DIR: path.join(dir, 'data') }));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ingesting a folder', () => {
  it('reads the good files, reports each bad one with its reason, and never stops', async () => {
    const folder = path.join(dir, 'pakker');
    await mkdir(folder);
    await copyFile(FIXTURE, path.join(folder, 'b-god.txt'));
    await writeFile(path.join(folder, 'a-tom.txt'), '');
    await writeFile(path.join(folder, 'c-skadet.pdf'), '%PDF-1.4 broken');
    await writeFile(path.join(folder, 'd-regneark.xlsx'), 'PK');
    await writeFile(path.join(folder, 'e-notat.md'), '# Handleliste\n\nMelk og brød.');
    const summary = await ingestPaths([folder], { store, maxBytes: MAX });
    expect(summary.ingested.map((i) => i.source)).toEqual(['b-god.txt']);
    expect(summary.failed.map((f) => [f.source, f.code])).toEqual([
      ['a-tom.txt', 'empty_file'],
      ['c-skadet.pdf', 'corrupt_file'],
      ['e-notat.md', 'no_meeting_found'],
    ]);
    expect(summary.skipped).toEqual([{ source: 'd-regneark.xlsx', reason: 'filtypen støttes ikke' }]);
    expect(formatSummary(summary)).toMatch(/^Lest inn: 1 · Uendret: 0 · Feilet: 3 · Hoppet over: 1/);
  });

  it('reads PDF and DOCX packages from disk like text ones', async () => {
    const formats = path.resolve(import.meta.dirname, '../../shared/corpus-formats');
    const folder = path.join(dir, 'formater');
    await mkdir(folder);
    for (const f of ['000_f73e9f6747c9963a.pdf', '003_0c1c525d85268ac2.docx'])
      await copyFile(path.join(formats, f), path.join(folder, f));
    const summary = await ingestPaths([folder], { store, maxBytes: 5e7 });
    expect(summary.failed).toEqual([]);
    expect(summary.ingested.map((i) => i.source)).toEqual([
      '000_f73e9f6747c9963a.pdf',
      '003_0c1c525d85268ac2.docx',
    ]);
    expect((await store.listMeetings()).length).toBeGreaterThanOrEqual(3);
  });

  it('fails a named file of an unsupported type, and a path that does not exist', async () => {
    const xlsx = path.join(dir, 'budsjett.xlsx');
    await writeFile(xlsx, 'PK');
    const summary = await ingestPaths([xlsx, path.join(dir, 'borte')], { store, maxBytes: MAX });
    expect(summary.failed.map((f) => f.code)).toEqual(['unsupported_type', 'unreadable_file']);
  });
});

describe('hostile files', () => {
  it('ends a reader that runs out of memory, fails that file only, and reads the next in a fresh one', async () => {
    // The unpacked-size check let through on purpose, so the bomb reaches the reader and exhausts
    // its capped heap: the reader process dies, not this one.
    const folder = path.join(dir, 'pakker');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a-bombe.docx'), docxBomb(150));
    await copyFile(FIXTURE, path.join(folder, 'b-god.txt'));
    const summary = await ingestPaths([folder], {
      store,
      maxBytes: MAX,
      limits: { maxUnzippedBytes: 1 << 30, memoryMb: 128 },
    });
    expect(summary.failed).toEqual([
      {
        source: 'a-bombe.docx',
        code: 'read_out_of_memory',
        reason: '«a-bombe.docx» krever mer enn 128 MB minne å lese, og ble stoppet.',
      },
    ]);
    expect(summary.ingested.map((i) => i.source)).toEqual(['b-god.txt']);
  }, 60_000);

  it('refuses a DOCX whose zip directory understates what an entry unpacks to', async () => {
    const bomb = docxBomb(20);
    // The central directory's size field of word/document.xml (the last entry) says 1 KB.
    const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), end);
    bomb.writeUInt32LE(1024, central + 24);
    const summary = await ingestBytes(new Uint8Array(bomb), 'lurt.docx', { store, maxBytes: MAX });
    expect(summary.failed).toEqual([
      expect.objectContaining({
        code: 'too_much_content',
        reason: expect.stringContaining('mer enn den oppgir'),
      }),
    ]);
  });

  it('refuses a document giving more passages than allowed, naming the file and the limit', async () => {
    const summary = await ingestBytes(await readFile(FIXTURE), 'mange.txt', {
      store,
      maxBytes: MAX,
      limits: { maxPassages: 5 },
    });
    expect(summary.failed).toEqual([
      {
        source: 'mange.txt',
        code: 'too_much_content',
        reason: '«mange.txt» gir 20 utdrag; høyst 5 leses inn fra én fil, så filen leses ikke inn.',
      },
    ]);
  });

  it('lists hidden files, hidden folders and symbolic links it passes over, with why', async () => {
    const folder = path.join(dir, 'pakker');
    await mkdir(path.join(folder, '.arkiv'), { recursive: true });
    await copyFile(FIXTURE, path.join(folder, '.skjult.txt'));
    await copyFile(FIXTURE, path.join(folder, '.arkiv', 'gammel.txt'));
    await copyFile(FIXTURE, path.join(folder, 'god.txt'));
    await symlink(FIXTURE, path.join(folder, 'lenke.txt'));
    const summary = await ingestPaths([folder], { store, maxBytes: MAX });
    expect(summary.ingested.map((i) => i.source)).toEqual(['god.txt']);
    expect(summary.skipped).toEqual([
      { source: '.arkiv', reason: 'skjult mappe' },
      { source: '.skjult.txt', reason: 'skjult fil' },
      { source: 'lenke.txt', reason: 'symbolsk lenke; lenker følges ikke' },
    ]);
    expect(formatSummary(summary)).toContain('· lenke.txt: symbolsk lenke; lenker følges ikke');
  });
});

describe('versions by content', () => {
  it('skips an unchanged file and replaces a changed one, dropping its old passages', async () => {
    const file = path.join(dir, 'pakke.txt');
    await copyFile(FIXTURE, file);
    expect((await ingestPaths([file], { store, maxBytes: MAX })).ingested).toHaveLength(1);
    expect((await ingestPaths([file], { store, maxBytes: MAX })).unchanged).toEqual(['pakke.txt']);

    const before = await store.listPassages();
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('fra 2032', 'fra 2033'));
    const again = await ingestPaths([file], { store, maxBytes: MAX });
    expect(again.ingested).toEqual([expect.objectContaining({ source: 'pakke.txt', replaced: true })]);
    const after = await store.listPassages();
    expect(after.some((p) => p.text.includes('fra 2033'))).toBe(true);
    expect(after.some((p) => p.text.includes('fra 2032'))).toBe(false);
    expect(new Set(after.map((p) => p.id)).size).toBe(after.length);
    expect(after.length).toBe(before.length);
    expect(await store.listDocuments()).toHaveLength(1);
  });
});

describe('redaction at ingest', () => {
  it('stores no national identity number, personal phone number or personal e-mail', async () => {
    const text = (await readFile(FIXTURE, 'utf8')).replace(
      'KS ønsket at kommunene involveres tidlig.',
      `KS ønsket at kommunene involveres tidlig. Kontakt Ola Strand, tlf. 912 34 567, ola.strand@example.no, fødselsnummer ${ID}. Spørsmål til postmottak@example.no.`,
    );
    const summary = await ingestBytes(new TextEncoder().encode(text), 'med-persondata.txt', {
      store,
      maxBytes: MAX,
    });
    expect(summary.failed).toEqual([]);
    const stored =
      (await store.listPassages()).map((p) => p.text).join('\n') + JSON.stringify(await store.listMeetings());
    expect(stored).not.toContain('912 34 567');
    expect(stored).not.toContain('ola.strand@example.no');
    expect(stored).not.toContain(ID);
    expect(stored).toContain('[telefonnummer fjernet]');
    expect(stored).toContain('postmottak@example.no');
  });
});
