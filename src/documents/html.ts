// HTML → text lines: block elements break lines, list items become "- " lines, and every table
// row becomes one line of tab-separated cells (the shape of the corpus text conversions).
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
]);
const SKIP = new Set(['script', 'style', 'head', 'title']);

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skip = 0;
  let cellDepth = 0;
  let cells: string[] | null = null;
  let cell = '';
  const breakLine = () => {
    if (cells) return;
    if (line.trim()) lines.push(line.replace(/[ \t]+/g, ' ').trim());
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skip++;
        else if (name === 'tr') cells = [];
        else if ((name === 'td' || name === 'th') && cells) {
          cellDepth++;
          cell = '';
        } else if (cellDepth) cell += name === 'br' || name === 'p' || name === 'li' ? ' ' : '';
        else if (name === 'li') {
          breakLine();
          line = '- ';
        } else if (BLOCK.has(name)) breakLine();
      },
      ontext(text) {
        if (skip) return;
        if (cellDepth) cell += text;
        else line += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) skip = Math.max(0, skip - 1);
        else if ((name === 'td' || name === 'th') && cells) {
          cellDepth = Math.max(0, cellDepth - 1);
          cells.push(cell.replace(/\s+/g, ' ').trim());
        } else if (name === 'tr' && cells) {
          const row = cells;
          cells = null;
          if (row.some(Boolean)) {
            breakLine();
            lines.push(row.join('\t'));
          }
        } else if (!cellDepth && (name === 'li' || BLOCK.has(name))) breakLine();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  return lines.join('\n');
}
