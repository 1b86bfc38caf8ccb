// Documents → text: every supported format, and a clear bokmål error naming the file for every
// file that cannot be read. Bad files are built here, byte by byte, so no fixture hides how.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, readDocument } from '../src/documents/index.ts';
import { MotebotError } from '../src/errors.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared');

/** A minimal PDF from object bodies; `trailer` adds entries to the trailer dictionary. */
function buildPdf(objects: string[], trailer = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const content = 'BT /F1 12 Tf 72 720 Td (Mote i NUIT) Tj ET';
const onePage = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

async function failure(p: Promise<unknown>): Promise<MotebotError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(MotebotError);
    return err as MotebotError;
  }
  throw new Error('expected the document to be refused');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motebot-docs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading documents', () => {
  it('reads a PDF text layer and keeps where each page starts', async () => {
    const doc = await extractText(buildPdf(onePage), 'møte.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.text).toContain('Mote i NUIT');
    expect(doc.pageStarts).toEqual([1]);
  });

  it('keeps one page start per page of a real meeting package', async () => {
    const doc = await readDocument(path.join(SHARED, 'corpus-formats/001_3b351634044a7914.pdf'));
    expect(doc.pageStarts!.length).toBeGreaterThan(10);
    expect(doc.pageStarts).toEqual([...doc.pageStarts!].sort((a, b) => a - b));
  });

  it('turns HTML tables into tab rows and list items into lines', async () => {
    const html =
      '<h1>Møte i NUIT</h1><table><tr><td>Sak</td><td>Tema</td></tr><tr><td>6/23</td><td>Prismodeller &amp; kostnader</td></tr></table><ul><li>Første</li><li>Andre</li></ul>';
    const doc = await extractText(new TextEncoder().encode(html), 'pakke.html');
    expect(doc.text.split('\n')).toEqual([
      'Møte i NUIT',
      'Sak\tTema',
      '6/23\tPrismodeller & kostnader',
      '- Første',
      '- Andre',
    ]);
  });

  it('reads DOCX tables as tab rows', async () => {
    const doc = await readDocument(path.join(SHARED, 'corpus-formats/000_f73e9f6747c9963a.docx'));
    expect(doc.text).toMatch(/^26\/20\tGodkjenning av innkalling og dagsorden\t11:00\tGodkjenning$/m);
  });

  it('reads text that is not UTF-8 as Windows-1252', async () => {
    const doc = await extractText(new Uint8Array([0x4d, 0xf8, 0x74, 0x65]), 'gammel.txt');
    expect(doc.text).toBe('Møte');
  });
});

describe('refusing files that cannot be read', () => {
  it('names the supported types for an unsupported file', async () => {
    const err = await failure(extractText(new Uint8Array([1, 2, 3]), 'budsjett.xlsx'));
    expect(err.code).toBe('unsupported_type');
    expect(err.message).toContain('«budsjett.xlsx»');
    expect(err.message).toContain('.pdf');
  });

  it('counts a text’s limit in characters, not bytes, before and after decoding it', async () => {
    // «ø» is two bytes in UTF-8 and one in windows-1252: ten of them are ten characters either way,
    // so a limit of ten takes them; the count made before decoding must not refuse them as bytes.
    const utf8 = new TextEncoder().encode('ø'.repeat(10));
    const cp1252 = new Uint8Array(10).fill(0xf8);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf8, cp1252, bom])
      expect((await extractText(bytes, 'kort.txt', { maxTextChars: 10 })).text).toBe('ø'.repeat(10));
    for (const bytes of [new TextEncoder().encode('ø'.repeat(11)), new Uint8Array(11).fill(0xf8)]) {
      const err = await failure(extractText(bytes, 'lang.md', { maxTextChars: 10 }));
      expect(err).toMatchObject({
        code: 'too_much_content',
        message: '«lang.md» har mer enn 10 tegn tekst, og leses derfor ikke inn.',
      });
    }
  });

  it('says an empty file is empty', async () => {
    const err = await failure(extractText(new Uint8Array(), 'tom.txt'));
    expect(err).toMatchObject({ code: 'empty_file', message: expect.stringContaining('«tom.txt» er tom') });
  });

  it('says a PDF with no text layer cannot be read as text', async () => {
    const blank = onePage.map((o, i) => (i === 3 ? '<< /Length 0 >>\nstream\n\nendstream' : o));
    const err = await failure(extractText(buildPdf(blank), 'skannet.pdf'));
    expect(err.code).toBe('empty_file');
    expect(err.message).toContain('tekstlag');
  });

  it('says a damaged PDF is damaged', async () => {
    const err = await failure(
      extractText(new TextEncoder().encode('%PDF-1.4\nthis is not a pdf'), 'skadet.pdf'),
    );
    expect(err.code).toBe('corrupt_file');
    expect((await failure(extractText(new TextEncoder().encode('hello'), 'feil.pdf'))).code).toBe(
      'corrupt_file',
    );
  });

  it('says a password-protected PDF is encrypted', async () => {
    // An /Encrypt dictionary whose /U entry no empty password matches: pdf.js asks for a password.
    const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >>`;
    const id = '<0123456789abcdef0123456789abcdef>';
    const err = await failure(
      extractText(buildPdf([...onePage, encrypt], `/Encrypt 6 0 R /ID [${id}${id}] `), 'hemmelig.pdf'),
    );
    expect(err).toMatchObject({
      code: 'encrypted_file',
      message: expect.stringContaining('«hemmelig.pdf» er kryptert'),
    });
  });

  it('says a password-protected DOCX is encrypted (Office keeps those in an OLE container)', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await failure(extractText(ole, 'hemmelig.docx'))).code).toBe('encrypted_file');
  });

  it('says a damaged DOCX is damaged', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a word document');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect((await failure(extractText(bytes, 'skadet.docx'))).code).toBe('corrupt_file');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'stor.txt');
    await writeFile(file, 'x'.repeat(2048));
    const err = await failure(readDocument(file, { maxBytes: 1024 }));
    expect(err).toMatchObject({
      code: 'file_too_large',
      message: expect.stringContaining('«stor.txt» er for stor'),
    });
  });

  it('says a file that does not exist cannot be read', async () => {
    const err = await failure(readDocument(path.join(dir, 'borte.pdf')));
    expect(err).toMatchObject({ code: 'unreadable_file', message: '«borte.pdf» finnes ikke.' });
  });
});
