// Every passage cites where its text stands. Checked against each rendering of the corpus: the
// PDF's pages are read here on their own (unpdf's text, not the reader's lines), the line against
// the reader's text, so a locator that only agrees with the code that made it still fails.
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { extractText as pdfPages, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/documents/index.ts';
import { parseDocument } from '../src/record/parse.ts';
import { toPassages, type NewPassage } from '../src/record/passages.ts';
import { redact } from '../src/record/redact.ts';

const FORMATS = path.resolve(import.meta.dirname, '../../shared/corpus-formats');
const TXT = path.resolve(import.meta.dirname, '../../shared/corpus');

/** Letters and digits only: how a text is compared across renderings that wrap it differently. */
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The passage's own first words: memo passages and action points start with a label of ours. */
function head(p: NewPassage): string {
  const label = p.kind === 'memo' ? `${p.locator.headingPath!.at(-1)}: ` : 'Aksjonspunkt: ';
  return fold(p.text.startsWith(label) ? p.text.slice(label.length) : p.text).slice(0, 16);
}

interface Ingested {
  passages: NewPassage[];
  lines: string[];
}

const ingested = new Map<string, Promise<Ingested>>();
/** Each rendering is read once for all the tests that look at it. */
function ingest(file: string): Promise<Ingested> {
  if (!ingested.has(file)) ingested.set(file, read(file));
  return ingested.get(file)!;
}

async function read(file: string): Promise<Ingested> {
  const extracted = await readDocument(file);
  const { text } = redact(extracted.text);
  const { meetings } = parseDocument(text);
  return {
    passages: toPassages(meetings, path.basename(file), text, extracted.pageStarts),
    lines: text.split('\n'),
  };
}

/** Whether the words start on the named line (they may run on over the next lines). */
function startsOnLine(lines: string[], line: number, words: string): boolean {
  const first = fold(lines[line - 1] ?? '');
  let text = first;
  for (let n = line; n < lines.length && text.length < first.length + words.length; n++)
    text += fold(lines[n]!);
  const at = text.indexOf(words);
  return at >= 0 && at < first.length;
}

/**
 * Whether a passage's first words stand on a page's text. pdf.js gives a table's cells in another
 * order than the reader's lines, so words of a table row are each looked for on their own.
 */
function onPage(page: string, p: NewPassage): boolean {
  if (page.includes(head(p).slice(0, 12))) return true;
  const words = p.text.split(/\s+/).map(fold).filter(Boolean).slice(0, 5);
  return p.text.includes('|') && words.every((w) => page.includes(w));
}

/** Passages quoted from the text (agenda passages are written by us and cite the sak's row). */
const quoted = (d: Ingested, whole: string) =>
  d.passages.filter((p) => p.kind !== 'agenda' && head(p).length >= 10 && whole.includes(head(p)));

const pdfs = readdirSync(FORMATS).filter((f) => f.endsWith('.pdf'));

describe('passage locators in the PDF renderings', () => {
  for (const name of pdfs) {
    it(`${name}: each quoted passage cites the page and the line its words stand on`, async () => {
      const file = path.join(FORMATS, name);
      const d = await ingest(file);
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
      const pages = ((await pdfPages(pdf, { mergePages: false })).text as string[]).map(fold);
      const checked = quoted(d, pages.join(''));
      const wrongPage = checked.filter((p) => !onPage(pages[(p.locator.page ?? 0) - 1] ?? '', p));
      const wrongLine = checked.filter((p) => !startsOnLine(d.lines, p.locator.line, head(p)));
      expect(wrongPage.map((p) => [p.locator.page, p.text.slice(0, 60)])).toEqual([]);
      expect(wrongLine.map((p) => [p.locator.line, p.text.slice(0, 60)])).toEqual([]);
      // Most passages quote the text: the check above is not run on a handful.
      expect(checked.length).toBeGreaterThan(0.6 * d.passages.length);
    });
  }

  it('slide-deck passages cite their slide, each on its own page, not page 1', async () => {
    for (const name of pdfs) {
      const d = await ingest(path.join(FORMATS, name));
      const slides = d.passages.filter((p) => p.kind === 'slides');
      if (!slides.length) continue;
      const pages = new Set(slides.map((p) => p.locator.page));
      expect(pages.has(undefined)).toBe(false);
      expect(pages.size).toBeGreaterThan(20);
    }
  });

  it('an agenda passage cites the agenda row of its sak', async () => {
    for (const name of pdfs) {
      const d = await ingest(path.join(FORMATS, name));
      for (const p of d.passages.filter((x) => x.kind === 'agenda' && x.sak))
        expect(d.lines[p.locator.line - 1]).toContain(p.sak);
    }
  });
});

describe('passage locators in the text and Word renderings', () => {
  const files = [
    ...readdirSync(TXT).map((f) => path.join(TXT, f)),
    ...readdirSync(FORMATS)
      .filter((f) => f.endsWith('.docx'))
      .map((f) => path.join(FORMATS, f)),
  ];
  for (const file of files) {
    it(`${path.basename(file)}: each quoted passage cites the line its words stand on`, async () => {
      const d = await ingest(file);
      const checked = quoted(d, fold(d.lines.join('\n')));
      const wrong = checked.filter((p) => !startsOnLine(d.lines, p.locator.line, head(p)));
      expect(wrong.map((p) => [p.locator.line, p.text.slice(0, 60)])).toEqual([]);
      expect(checked.length).toBeGreaterThan(0.6 * d.passages.length);
    });
  }
});

describe('passages are small enough to quote', () => {
  let d: Ingested;
  beforeAll(async () => {
    d = await ingest(
      path.join(
        TXT,
        readdirSync(TXT).find((f) => f.startsWith('001'))!,
      ),
    );
  });

  it('no passage but a decision runs over 500 characters', () => {
    const long = d.passages.filter(
      (p) => p.text.length > 520 && !['adopted', 'proposed', 'agenda'].includes(p.kind),
    );
    expect(long.map((p) => p.text.slice(0, 60))).toEqual([]);
  });

  it('a memo passage starts a section, a paragraph or a bullet, or goes on with one too long', () => {
    const memo = d.passages.filter((p) => p.kind === 'memo');
    const wrong = memo.filter((p, i) => {
      const prev = memo[i - 1];
      const section = p.locator.headingPath!.at(-1)!;
      if (!prev || prev.sak !== p.sak || prev.locator.headingPath!.at(-1) !== section) return false;
      if (/^[•\-–]/.test(p.text.slice(section.length + 2))) return false;
      if (prev.text.length + p.text.length > 500) return false;
      // A line of its own with a URL (a footnote the conversion put there) parts paragraphs too.
      return !!d.lines[p.locator.line - 2]?.replace(/https?:\/\/\S+/g, '').trim();
    });
    expect(wrong.map((p) => [p.locator.line, p.text.slice(0, 60)])).toEqual([]);
    expect(memo.length).toBeGreaterThan(100);
  });

  it('a memo passage names its sak and its section', () => {
    for (const p of d.passages.filter((x) => x.kind === 'memo')) {
      expect(p.locator.headingPath![0]).toMatch(new RegExp(`^Sak ${p.sak} `));
      expect(p.text.startsWith(`${p.locator.headingPath![1]}: `)).toBe(true);
    }
  });
});

describe('passages', () => {
  it('keep a numbered list in the sentence that introduces it, in every rendering', async () => {
    for (const file of [
      path.join(TXT, '001_3b351634044a7914.txt'),
      path.join(FORMATS, '001_3b351634044a7914.pdf'),
      path.join(FORMATS, '001_3b351634044a7914.docx'),
    ]) {
      const { passages } = await ingest(file);
      const list = passages.find((p) => /Prioriteringen i PDS og PLL/.test(p.text));
      expect(list?.text, file).toMatch(/er: 1\. PLL 2\. Pasientens prøvesvar 3\. Dokumentdeling/);
    }
  });
});
