// PDF text layer (pdf.js through unpdf) → lines, page by page. Text items on one baseline form a
// line; a wide horizontal gap between items becomes a tab, so tables come out as tab rows.
import { getDocumentProxy } from 'unpdf';

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** Gap (in multiples of the font height) that separates table cells rather than words. */
const CELL_GAP = 1.2;

function pageLines(items: Item[]): string[] {
  const rows: { y: number; h: number; items: Item[] }[] = [];
  for (const it of items) {
    // Blank items only fill the space between words or cells; the gap is measured without them.
    if (!it.str.trim()) continue;
    const y = it.transform[5]!;
    const h = Math.abs(it.transform[3] ?? it.height) || it.height || 10;
    const row = rows.find((r) => Math.abs(r.y - y) < Math.min(r.h, h) * 0.5);
    if (row) row.items.push(it);
    else rows.push({ y, h, items: [it] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((r) => {
    const sorted = r.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
    let out = '';
    let end: number | null = null;
    for (const it of sorted) {
      const x = it.transform[4]!;
      if (end !== null) {
        const gap = x - end;
        if (gap > r.h * CELL_GAP) out += '\t';
        else if (gap > r.h * 0.15 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
      }
      out += it.str;
      end = x + it.width;
    }
    return out.replace(/ +/g, ' ').trimEnd();
  });
}

export async function pdfToText(
  bytes: Uint8Array,
  limit: { maxPages: number; tooMany: (pages: number) => Error },
): Promise<{ text: string; pageStarts: number[] }> {
  // pdf.js warns about damaged files on the console; the reader reports them as errors of its own.
  // pdf.js refuses a Node Buffer (what a file read or an IPC message gives) but takes its bytes.
  const data = Buffer.isBuffer(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : bytes;
  const pdf = await getDocumentProxy(data, { verbosity: 0 });
  if (pdf.numPages > limit.maxPages) {
    await pdf.destroy();
    throw limit.tooMany(pdf.numPages);
  }
  const lines: string[] = [];
  const pageStarts: number[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pageStarts.push(lines.length + 1);
    lines.push(...pageLines(content.items as Item[]), '');
    page.cleanup();
  }
  await pdf.destroy();
  return { text: lines.join('\n'), pageStarts };
}
