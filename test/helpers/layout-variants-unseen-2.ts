// Blind layout variants, second set.
//
// Written from the meeting documents alone (../shared/corpus/*.txt and
// ARCHITECTURE.md), without looking at the parser or at any other variant set.
// Each entry is a pure function from a whole converted document to a changed
// document that a human reader would say carries the same record: the same
// meetings (committee, number, date), the same saker (id, title, sakstype), the
// same proposals ("Forslag til vedtak"), the same adopted decisions ("Vedtak")
// and the same attendance. Every transformation is a general rewrite over the
// whole text (regexes acting on every occurrence of a pattern), modelled on
// what another producer of such documents (a different template, a different
// converter, different typography) would emit.
import { MONTHS } from './layout-variants.ts';

// ---------------------------------------------------------------------------
// shared vocabulary

const MONTH_ALT = MONTHS.join('|');
const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;
const WEEKDAY_ALT = WEEKDAYS.join('|');

// sakstype word -> the "…sak" noun some templates use
const SAKSTYPE_NOUN: Readonly<Record<string, string>> = {
  Godkjenning: 'Godkjenningssak',
  Orientering: 'Orienteringssak',
  Drøfting: 'Drøftingssak',
  Tilslutning: 'Tilslutningssak',
  Anbefaling: 'Anbefalingssak',
  Beslutning: 'Beslutningssak',
};
const SAKSTYPE_ALT = Object.keys(SAKSTYPE_NOUN).join('|');

const SAK_ID = String.raw`\d{1,3}\/\d{2}`;
const ID_CELL = new RegExp(`^${SAK_ID}$`);

// ---------------------------------------------------------------------------
// small helpers

function stripTags(s: string): string {
  return s.replace(/<[^<>]*>/g, '');
}

function isIdCell(cell: string | undefined): boolean {
  return cell !== undefined && ID_CELL.test(stripTags(cell).trim());
}

/** Apply fn to the parts of the text that are not URLs (links stay byte-identical). */
function outsideUrls(text: string, fn: (s: string) => string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/** Apply fn to the parts of the text that are neither URLs nor HTML tags. */
function outsideMarkup(text: string, fn: (s: string) => string): string {
  return outsideUrls(text, (s) =>
    s
      .split(/(<[^<>\n]*>)/)
      .map((part, i) => (i % 2 === 1 ? part : fn(part)))
      .join(''),
  );
}

function upperFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function validDate(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

function weekdayOf(d: number, m: number, y: number): string {
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

function monthIndex(name: string): number {
  return (MONTHS as readonly string[]).indexOf(name.toLowerCase()) + 1;
}

// --- tab tables introduced by a header row whose first cell is "Sak"/"Saksnr."

function isHeaderCells(cells: readonly string[]): boolean {
  return cells.length >= 2 && /^(Sak|Saksnr\.?)$/i.test(stripTags(cells[0] ?? '').trim());
}

function isHeaderLine(line: string): boolean {
  return line.includes('\t') && isHeaderCells(line.split('\t'));
}

function headerIndex(header: readonly string[], re: RegExp): number {
  return header.findIndex((c) => re.test(stripTags(c).trim()));
}

const TIME_HEADER = /^(Tidspunkt|Tid|Start|Kl\.?)$/;
const TITLE_HEADER = /^(Agenda\b.*|Tittel|Tema|Sakstittel)$/;

function titleIndex(header: readonly string[]): number {
  const i = headerIndex(header, TITLE_HEADER);
  return i > 0 ? i : 1;
}

/** Every tab-separated line's cells rewritten and joined with `joint`; other lines stay. */
function mapCells(text: string, cell: (c: string) => string, joint: string): string {
  return text
    .split('\n')
    .map((l) => (l.includes('\t') ? l.split('\t').map(cell).join(joint) : l))
    .join('\n');
}

/**
 * Every tab table's column whose header matches `re`, each row's cell under it rewritten by
 * `change` (given the row's cells, to change in place); rows without tabs and tables without the
 * column stay as they are.
 */
function mapColumn(text: string, re: RegExp, change: (cells: string[], at: number) => void): string {
  return mapHeaderTables(text, (header, rows) => {
    const at = headerIndex(header, re);
    if (at < 0) return [header.join('\t'), ...rows];
    return [
      header.join('\t'),
      ...rows.map((r) => {
        if (!r.includes('\t')) return r;
        const cells = r.split('\t');
        change(cells, at);
        return cells.join('\t');
      }),
    ];
  });
}

/**
 * Finds every tab table that starts with a header row ("Sak\tAgenda NUIT\t…",
 * "Saksnr.\tTittel\t…") and lasts until the first non-blank line without a tab.
 * fn receives the header cells and the raw lines after it (blank lines kept).
 */
function mapHeaderTables(
  text: string,
  fn: (header: string[], rows: string[]) => string[],
  only?: (header: string[]) => boolean,
): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isHeaderLine(line)) {
      const header = line.split('\t');
      let j = i + 1;
      while (j < lines.length) {
        const l = lines[j] ?? '';
        if (isHeaderLine(l)) break;
        if (!l.includes('\t') && l.trim() !== '') break;
        j++;
      }
      let end = j;
      while (end > i + 1 && (lines[end - 1] ?? '').trim() === '') end--;
      if (only === undefined || only(header)) out.push(...fn(header, lines.slice(i + 1, end)));
      else out.push(...lines.slice(i, end));
      i = end;
      continue;
    }
    out.push(line);
    i++;
  }
  return out.join('\n');
}

const hasTimeColumn = (h: string[]): boolean => headerIndex(h, TIME_HEADER) >= 0;

/** Maps every maximal run of consecutive lines that contain a tab. */
function mapTabBlocks(text: string, fn: (block: string[]) => string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] ?? '').includes('\t')) {
      let j = i;
      while (j < lines.length && (lines[j] ?? '').includes('\t')) j++;
      out.push(...fn(lines.slice(i, j)));
      i = j;
    } else {
      out.push(lines[i] ?? '');
      i++;
    }
  }
  return out.join('\n');
}

// --- agenda tables that a PDF converter already flattened to spaces
// ("Sak Agenda NUIT  Tidspunkt Sakstype" … "26/23 Eventuelt 15:35")

const SPACE_AGENDA_HEADER = /^[ ]*Sak[ ]+(?:Agenda[ ]+\S+|Tema)[ ]+(?:Tidspunkt[ ]+)?Sakstype[ ]*$/;
const EVENTUELT_ROW = new RegExp(`^\\s*(?:\\d+\\.\\s+)?${SAK_ID}\\s+Eventuelt\\b`);

function mapSpaceAgendas(text: string, fn: (region: string[]) => string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (SPACE_AGENDA_HEADER.test(line)) {
      let end = i + 1;
      while (end < lines.length && end < i + 400) {
        const l = lines[end] ?? '';
        end++;
        if (EVENTUELT_ROW.test(l)) break;
      }
      out.push(...fn(lines.slice(i, end)));
      i = end;
      continue;
    }
    out.push(line);
    i++;
  }
  return out.join('\n');
}

const SPACE_ROW_TIME_TYPE = new RegExp(
  `^(\\s*${SAK_ID}\\s.*?)\\s+(\\d{1,2}:\\d{2})\\s+(${SAKSTYPE_ALT})\\s*$`,
);
const SPACE_ROW_TYPE = new RegExp(`^(\\s*${SAK_ID}\\s.*?)\\s+(${SAKSTYPE_ALT})\\s*$`);
const SPACE_TIME_TYPE = new RegExp(`^(\\s*)(\\d{1,2}:\\d{2})\\s+(${SAKSTYPE_ALT})\\s*$`);
const SPACE_TYPE_ONLY = new RegExp(`^(\\s*)(${SAKSTYPE_ALT})\\s*$`);
const SPACE_ROW_TIME = /^(\s*\S.*?)\s+(\d{1,2}:\d{2})\s*$/;
const SPACE_ID_ROW = new RegExp(`^(\\s*)(${SAK_ID})(\\s)`);

/** Replace the sakstype word of every row of a space-flattened agenda region. */
function mapSpaceSakstype(region: string[], fn: (type: string) => string): string[] {
  return region.map((l) => {
    let m = SPACE_ROW_TIME_TYPE.exec(l);
    if (m) return `${m[1]} ${m[2]} ${fn(m[3] ?? '')}`;
    m = SPACE_TIME_TYPE.exec(l);
    if (m) return `${m[1]}${m[2]} ${fn(m[3] ?? '')}`;
    m = SPACE_ROW_TYPE.exec(l);
    if (m) return `${m[1]}  ${fn(m[2] ?? '')}`;
    m = SPACE_TYPE_ONLY.exec(l);
    if (m) return `${m[1]}${fn(m[2] ?? '')}`;
    return l;
  });
}

// --- hyphenation for re-wrapped prose: break before a consonant that starts a
// syllable (V-CV or VC-CV), at most `room` letters in, leaving at least 3 letters
// before and 4 after the break ("orien-teringssak"); -1 when there is none.

function hyphenationPoint(word: string, room: number): number {
  const chars = Array.from(word);
  const vowel = (c: string | undefined): boolean => c !== undefined && /[aeiouyæøåéèöäü]/i.test(c);
  for (let k = Math.min(room, chars.length - 4); k >= 3; k--) {
    const prev = chars[k - 1];
    const cur = chars[k];
    const next = chars[k + 1];
    if (!vowel(cur) && vowel(next) && (vowel(prev) || vowel(chars[k - 2]))) return k;
  }
  return -1;
}

// --- durations (the "Varighet" column of slide-deck agendas) must not be read as clock times

function protectDurations(text: string): { text: string; restore: (t: string) => string } {
  const saved: string[] = [];
  const token = (n: number): string => {
    let s = '';
    let k = n;
    do {
      s = String.fromCharCode(97 + (k % 26)) + s;
      k = Math.floor(k / 26);
    } while (k > 0);
    return `\uE000${s}\uE001`;
  };
  const protectedText = mapColumn(text, /^Varighet$/, (cells, vi) => {
    const c = cells[vi];
    if (c !== undefined && c.trim() !== '') {
      cells[vi] = token(saved.length);
      saved.push(c);
    }
  });
  const restore = (t: string): string =>
    t.replace(/\uE000([a-z]+)\uE001/g, (_m, s: string) => {
      let n = 0;
      for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 97);
      return saved[n] ?? '';
    });
  return { text: protectedText, restore };
}

function withDurationsProtected(text: string, fn: (t: string) => string): string {
  const p = protectDurations(text);
  return p.restore(fn(p.text));
}

// --- dates

const LONG_DATE = new RegExp(
  `(?:\\b(${WEEKDAY_ALT})\\s+)?(?<![\\d.])(?:(\\d{1,2})\\.\\s*[–—-]\\s*)?(\\d{1,2})\\.\\s*(${MONTH_ALT})\\s+(\\d{4})(?!\\d)`,
  'gi',
);
const NUMERIC_DATE = new RegExp(
  `(?:\\b(${WEEKDAY_ALT})\\s+)?(?<![\\d.#/])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d)(?!\\.\\d)`,
  'gi',
);

interface DateParts {
  weekday: string | undefined; // weekday word already written before the date
  from: number | undefined; // first day of a "6. – 7. november 2019" range
  d: number;
  m: number;
  y: number;
}

/** Rewrites every long ("25. mai 2023", "6. – 7. november 2019") and numeric ("25.05.2023", "26.08.20") date. */
function mapDates(text: string, fn: (p: DateParts, original: string) => string): string {
  return outsideUrls(text, (s) =>
    s
      .replace(
        LONG_DATE,
        (all, wd: string | undefined, from: string | undefined, d: string, mon: string, y: string) => {
          const m = monthIndex(mon);
          if (m === 0 || !validDate(Number(d), m)) return all;
          return fn(
            {
              weekday: wd,
              from: from === undefined ? undefined : Number(from),
              d: Number(d),
              m,
              y: Number(y),
            },
            all,
          );
        },
      )
      .replace(NUMERIC_DATE, (all, wd: string | undefined, d: string, m: string, y: string) => {
        if (!validDate(Number(d), Number(m))) return all;
        return fn({ weekday: wd, from: undefined, d: Number(d), m: Number(m), y: fullYear(y) }, all);
      }),
  );
}

/**
 * Template-generated date fields only: a line that holds nothing but a date
 * (optionally after a "Dato", committee or "Dag N –" label), such as the
 * meeting header "Dato 25. mai 2023", a memo's "25.05.2023", a slide footer
 * "NUFA 6. - 7. november 2019" or a day row "Onsdag 6. november 2019".
 * Dates typed inside titles, proposals and decisions are left as written.
 */
function mapFieldDates(text: string, fn: (p: DateParts, original: string) => string): string {
  return text
    .split('\n')
    .map((line) => {
      const rest = stripTags(line.replace(LONG_DATE, '').replace(NUMERIC_DATE, ''))
        .replace(/[\s:|]+/g, ' ')
        .trim();
      if (rest === line.replace(/[\s:|]+/g, ' ').trim()) return line; // no date on the line
      return /^(?:(?:Dato|Møtedato|NUFA|NUIT|Dag \d+ [–-])\s*)?$/i.test(rest) ? mapDates(line, fn) : line;
    })
    .join('\n');
}

function keepWeekdayCase(original: string | undefined, computed: string): string {
  return original !== undefined && /^\p{Lu}/u.test(original) ? upperFirst(computed) : computed;
}

// --- labels

const PROPOSAL = /Forslag til vedtak/g;
const DECISION_COLON = /\bVedtak(?=:)/g;

// ---------------------------------------------------------------------------
// the variants

export const UNSEEN_VARIANTS_2: Record<string, (text: string) => string> = {
  // Municipal "Saksliste" template (e.g. kommunal møteinnkalling from Elements/ACOS):
  // a "Saksliste" heading above the agenda and the columns called "Saksnr.",
  // "Saksliste NUIT"/"Sakstittel" and "Kl." instead of "Sak", "Agenda NUIT"/"Tema", "Tidspunkt".
  saksliste_header_words: (text) => {
    const renameCell = (c: string): string =>
      c
        .replace(/^Sak$/, 'Saksnr.')
        .replace(/^Agenda (\S+)$/, 'Saksliste $1')
        .replace(/^Tema$/, 'Sakstittel')
        .replace(/^Tidspunkt$/, 'Kl.');
    const t = mapHeaderTables(text, (header, rows) => {
      const renamed = header.map(renameCell).join('\t');
      return hasTimeColumn(header) ? ['Saksliste', renamed, ...rows] : [renamed, ...rows];
    });
    return t.replace(
      /^([ ]*)Sak([ ]+)(?:Agenda([ ]+)(\S+)|Tema)([ ]+)(?:Tidspunkt([ ]+))?Sakstype/gm,
      (
        _m,
        a: string,
        b: string,
        c: string | undefined,
        name: string | undefined,
        d: string,
        e: string | undefined,
      ) =>
        `${a}Saksnr.${b}${name !== undefined ? `Saksliste${c ?? ' '}${name}` : 'Sakstittel'}${d}${e !== undefined ? `Kl.${e}` : ''}Sakstype`,
    );
  },

  // Elements/ePhorte politisk-sak numbering: every sak number in the agenda and in
  // the sak headings carries the "PS" prefix ("PS 17/23", "PS 36/19: …").
  ps_prefix_ids: (text) =>
    text
      .replace(new RegExp(`^([ \\t]*(?:<b>)?)(${SAK_ID})(?=(?:<\\/b>)?(?:\\t|[ ]+\\S))`, 'gm'), '$1PS $2')
      .replace(new RegExp(`\\bSak (${SAK_ID})(?=:)`, 'g'), 'PS $1'),

  // PDF export with letter-spaced numbers (justified table cells): "17 / 23".
  spaced_slash_ids: (text) =>
    outsideUrls(text, (s) => s.replace(/(?<![\w/%.\-#])(\d{1,3})\/(\d{2})(?![\w/])/g, '$1 / $2')),

  // Template where sak number and title share one cell, "17/23 – Tittel", and slide
  // headings read "Sak 36/19 – Tittel".
  id_dash_title: (text) => {
    const merged = mapHeaderTables(text, (header, rows) => {
      const merge = (cells: string[]): string[] => {
        const [c0 = '', c1 = '', ...rest] = cells;
        const a = stripTags(c0).trim();
        const b = stripTags(c1).trim();
        const joined = a === '' ? c1 : b === '' ? c0 : `${c0} – ${c1}`;
        return [joined, ...rest];
      };
      return [
        merge(header).join('\t'),
        ...rows.map((r) => (r.includes('\t') ? merge(r.split('\t')).join('\t') : r)),
      ];
    });
    return merged
      .replace(new RegExp(`^([ ]*)(${SAK_ID})[ ]+(?=\\p{L})`, 'gmu'), '$1$2 – ')
      .replace(new RegExp(`\\b(Sak ${SAK_ID}):`, 'g'), '$1 –');
  },

  // Ministry agenda with a running number column in front of the sak number
  // ("Nr.  Sak  Tittel …" / "1.  13/23  Godkjenning …").
  numbered_agenda_rows: (text) => {
    const t = mapHeaderTables(
      text,
      (header, rows) => {
        let n = 0;
        return [
          ['Nr.', ...header].join('\t'),
          ...rows.map((r) => {
            if (!r.includes('\t')) return r;
            const cells = r.split('\t');
            return isIdCell(cells[0]) ? `${++n}.\t${r}` : `\t${r}`;
          }),
        ];
      },
      hasTimeColumn,
    );
    return mapSpaceAgendas(t, (region) => {
      let n = 0;
      return region.map((l, i) => {
        if (i === 0) return `Nr. ${l.trimStart()}`;
        return l.replace(SPACE_ID_ROW, (_m, a: string, id: string, b: string) => `${a}${++n}. ${id}${b}`);
      });
    });
  },

  // Word "Save as plain text": every table cell on its own line, rows not marked.
  word_cells_per_line: (text) => mapCells(text, (c) => c.trim(), '\n'),

  // LibreOffice "Text CSV" export with tab separator and "quote all text cells".
  libreoffice_quoted_cells: (text) => mapCells(text, (c) => `"${c.replace(/"/g, '""')}"`, '\t'),

  // pdftotext -layout: table columns aligned with runs of spaces instead of tabs.
  pdftotext_layout_spaces: (text) =>
    mapTabBlocks(text, (block) => {
      const rows = block.map((l) => l.split('\t'));
      const widths: number[] = [];
      for (const r of rows)
        r.forEach((c, i) => (widths[i] = Math.min(40, Math.max(widths[i] ?? 0, c.trim().length))));
      return rows.map((r) =>
        r
          .map((c, i) => {
            const s = c.trim();
            return i === r.length - 1 ? s : s.padEnd(widths[i] ?? 0) + '   ';
          })
          .join('')
          .trimEnd(),
      );
    }),

  // pdftotext -raw on an agenda table: cells joined by single spaces, long titles
  // wrapped over lines and the time/sakstype cells pushed onto the line after.
  pdftotext_raw_wrapped_rows: (text) =>
    mapHeaderTables(
      text,
      (header, rows) => {
        const ti = titleIndex(header);
        const render = (cells: string[]): string[] => {
          const nonEmpty = (xs: string[]): string =>
            xs
              .map((c) => c.trim())
              .filter((c) => c !== '')
              .join(' ');
          const first = nonEmpty(cells.slice(0, ti + 1));
          const post = nonEmpty(cells.slice(ti + 1));
          if (first.length <= 48) return [[first, post].filter((x) => x !== '').join(' ')];
          const words = first.split(' ');
          const out: string[] = [];
          let cur = '';
          for (const w of words) {
            if (cur !== '' && cur.length + 1 + w.length > 48) {
              out.push(cur + ' ');
              cur = w;
            } else cur = cur === '' ? w : `${cur} ${w}`;
          }
          out.push(cur + ' ');
          if (post !== '') out.push(post);
          return out;
        };
        return [
          render(header).join('\n'),
          ...rows.flatMap((r) => (r.includes('\t') ? render(r.split('\t')) : [r])),
        ];
      },
      hasTimeColumn,
    ),

  // pdftotext -raw where the reading order breaks at a column gap: the sak/title
  // columns come first for the whole table, then the remaining columns
  // (time, sakstype, …) in the same row order.
  pdftotext_columns_split: (text) =>
    mapHeaderTables(
      text,
      (header, rows) => {
        const ti = titleIndex(header);
        const all = [header, ...rows.filter((r) => r.includes('\t')).map((r) => r.split('\t'))];
        const join = (xs: string[]): string =>
          xs
            .map((c) => c.trim())
            .filter((c) => c !== '')
            .join(' ');
        const left: string[] = [];
        const right: string[] = [];
        for (const cells of all) {
          const l = join(cells.slice(0, ti + 1));
          const r = join(cells.slice(ti + 1));
          if (l === '' && r === '') continue;
          left.push(l);
          right.push(r);
        }
        return [...left, '', ...right];
      },
      hasTimeColumn,
    ),

  // Multi-page PDF agenda: the table header row is repeated at the top of every
  // page (after a form feed), here every four agenda rows.
  repeated_table_headers: (text) => {
    const t = mapHeaderTables(
      text,
      (header, rows) => {
        let n = 0;
        const out: string[] = [header.join('\t')];
        for (const r of rows) {
          if (r.includes('\t') && isIdCell(r.split('\t')[0])) {
            if (n > 0 && n % 4 === 0) out.push(`\f${header.join('\t')}`);
            n++;
          }
          out.push(r);
        }
        return out;
      },
      hasTimeColumn,
    );
    return mapSpaceAgendas(t, (region) => {
      let n = 0;
      const out: string[] = [];
      region.forEach((l, i) => {
        if (i > 0 && SPACE_ID_ROW.test(l)) {
          if (n > 0 && n % 4 === 0) out.push(`\f${region[0] ?? ''}`);
          n++;
        }
        out.push(l);
      });
      return out;
    });
  },

  // OCR of a scanned print-out: digit/letter confusions in page furniture only
  // (page numbers "Side l av 3", the logo text "e-he1se" above slide titles).
  ocr_page_furniture: (text) =>
    text
      .replace(
        /^([ \t]*)Side (\d+) av (\d+)([ \t]*)$/gm,
        (_m, a: string, p: string, q: string, b: string) => {
          const ocr = (s: string): string => s.replace(/1/g, 'l').replace(/0/g, 'O').replace(/5/g, 'S');
          return `${a}Side ${ocr(p)} av ${ocr(q)}${b}`;
        },
      )
      .replace(/^(Direktoratet for[ \t]*\n)e-helse([ \t]*)$/gm, '$1e-he1se$2'),

  // InDesign / Word export with discretionary (soft) hyphens inside long words.
  soft_hyphens: (text) =>
    outsideMarkup(text, (s) =>
      s.replace(/\p{L}{12,}/gu, (w) => {
        const chars = Array.from(w);
        const mid = Math.floor(chars.length / 2);
        return chars.slice(0, mid).join('') + '\u00AD' + chars.slice(mid).join('');
      }),
    ),

  // Narrow-column PDF text: prose re-wrapped at about 60 characters with long words
  // hyphenated across the line break ("orien-\nteringssak").
  hyphenated_line_breaks: (text) => {
    const WIDTH = 60;
    const wrap = (line: string): string[] => {
      const indent = /^[ ]*/.exec(line)?.[0] ?? '';
      const words = line.trim().split(/\s+/);
      const out: string[] = [];
      let cur = indent;
      for (const word of words) {
        let w = word;
        for (;;) {
          const empty = cur.trim() === '';
          const sep = empty ? '' : ' ';
          if (cur.length + sep.length + w.length <= WIDTH) {
            cur += sep + w;
            break;
          }
          const room = WIDTH - cur.length - sep.length - 1;
          const letters = /^\p{L}+/u.exec(w)?.[0] ?? '';
          const hyphenAt = w.indexOf('-');
          const cut = letters.length >= 9 ? hyphenationPoint(letters, room) : -1;
          if (cut > 0) {
            out.push(cur + sep + w.slice(0, cut) + '-');
            cur = indent;
            w = w.slice(cut);
            continue;
          }
          if (hyphenAt > 0 && hyphenAt < w.length - 1 && hyphenAt + 1 <= room + 1) {
            out.push(cur + sep + w.slice(0, hyphenAt + 1));
            cur = indent;
            w = w.slice(hyphenAt + 1);
            continue;
          }
          if (empty) {
            cur += w;
            break;
          }
          out.push(cur);
          cur = indent;
        }
      }
      if (cur.trim() !== '') out.push(cur);
      return out;
    };
    return text
      .split('\n')
      .flatMap((l) =>
        l.length <= WIDTH + 4 ||
        l.includes('\t') ||
        l.includes('<') ||
        l.includes('http') ||
        /^\s*[#|]/.test(l)
          ? [l]
          : wrap(l),
      )
      .join('\n');
  },

  // Word "Save as text" of bulleted lists: the Symbol-font bullet U+F0B7 for the
  // first level, "◦" and "‣" for nested levels.
  bullet_glyphs: (text) =>
    text.replace(/^([ \t]*)[-•▪❑][ \t]+(?=\S)/gm, (_m, indent: string) => {
      if (indent.length === 0) return '\uF0B7\t';
      return indent.length < 4 ? `${indent}◦ ` : `${indent}‣ `;
    }),

  // Word with English autocorrect: “curly” double quotes for both straight and
  // «guillemet» quotes, ’ apostrophes, spaced hyphens become en dashes and spaced
  // en dashes become em dashes.
  typographic_quotes_dashes: (text) => {
    let open = true;
    return outsideMarkup(text, (s) =>
      s
        .replace(/«/g, '“')
        .replace(/»/g, '”')
        .replace(/"/g, () => {
          const q = open ? '“' : '”';
          open = !open;
          return q;
        })
        .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
        .replace(/(\S) – (?=\S)/g, '$1 — ')
        .replace(/(\S) - (?=\S)/g, '$1 – '),
    );
  },

  // Typesetting export (InDesign/LaTeX-to-text): non-breaking hyphens inside
  // compounds ("e‑helse") and no-break spaces that keep "Sak 17/23", "Møte 2/2023",
  // "25. mai" and "kl. 9" together.
  nonbreaking_spaces_hyphens: (text) =>
    outsideMarkup(text, (s) =>
      s
        .replace(/(?<=\p{L})-(?=\p{L})/gu, '\u2011')
        .replace(new RegExp(`\\b(Sak|sak|Møte|møte) (?=${SAK_ID})`, 'g'), '$1\u00A0')
        .replace(new RegExp(`(\\d{1,2}\\.) (?=(?:${MONTH_ALT})\\b)`, 'g'), '$1\u00A0')
        .replace(/\b([Kk]l\.) (?=\d)/g, '$1\u00A0'),
    ),

  // French-locale Word template typography: narrow no-break spaces around the colon
  // of clock times ("09 : 00").
  times_nnbsp_colon: (text) =>
    withDurationsProtected(text, (t) =>
      outsideUrls(t, (s) =>
        s.replace(/(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])/g, (all, h: string, m: string) =>
          Number(h) <= 23 && Number(m) <= 59 ? `${h}\u202F:\u202F${m}` : all,
        ),
      ),
    ),

  // Norwegian office style (Språkrådet): "kl. 9", "kl. 9.30" instead of "09:00"/"09:30";
  // the second time of a range is written without "kl.". Durations (a "Varighet"
  // column) are left as they are.
  times_kl_hours: (text) =>
    withDurationsProtected(text, (t) =>
      outsideUrls(t, (s) =>
        s.replace(
          /(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])/g,
          (all, h: string, m: string, offset: number, whole: string) => {
            if (Number(h) > 23 || Number(m) > 59) return all;
            const before = whole.slice(Math.max(0, offset - 6), offset);
            const value = m === '00' ? String(Number(h)) : `${Number(h)}.${m}`;
            if (/[Kk]l\.?\s*$/.test(before) || /[–—-]\s*$/.test(before)) return value;
            return `kl. ${value}`;
          },
        ),
      ),
    ),

  // Protocol templates that spell out time spans: "fra 09:00 til 10:30",
  // "Tid: fra kl. 09.00 til 15:45".
  time_range_fra_til: (text) =>
    outsideUrls(text, (s) =>
      s.replace(
        /(?<![\d.:])(?:([Kk]l\.?)\s*)?(\d{1,2}:\d{2}|\d{2}\.\d{2})\s*[–—-]\s*(\d{1,2}:\d{2}|\d{2}\.\d{2})(?!\d)(?!\.\d)/g,
        (all, kl: string | undefined, a: string, b: string) => {
          if (kl === undefined && !a.includes(':') && !b.includes(':')) return all;
          return kl !== undefined ? `fra kl. ${a} til ${b}` : `fra ${a} til ${b}`;
        },
      ),
    ),

  // Older municipal templates: the template's date fields as "25/5-2023".
  dates_slash_dash: (text) =>
    mapFieldDates(text, (p) => {
      const one = (d: number): string => `${d}/${p.m}-${p.y}`;
      const core = p.from !== undefined ? `${one(p.from)} – ${one(p.d)}` : one(p.d);
      return p.weekday !== undefined ? `${p.weekday} ${core}` : core;
    }),

  // Outlook/Teams invitation style date fields: weekday plus short numeric date,
  // "torsdag 25.05.23" (a range becomes "onsdag 06.11.19 – torsdag 07.11.19").
  dates_weekday_short: (text) =>
    mapFieldDates(text, (p) => {
      const yy = pad2(p.y % 100);
      const one = (d: number, wd: string | undefined): string =>
        `${keepWeekdayCase(wd, weekdayOf(d, p.m, p.y))} ${pad2(d)}.${pad2(p.m)}.${yy}`;
      return p.from !== undefined
        ? `${one(p.from, p.weekday)} – ${one(p.d, undefined)}`
        : one(p.d, p.weekday);
    }),

  // Formal letter style date fields: written out with "den", "den 9. september 2020"
  // (also where the original field was numeric, "09.09.2020").
  dates_den_long: (text) =>
    mapFieldDates(text, (p) => {
      const one = (d: number): string => `${d}. ${MONTHS[p.m - 1] ?? ''} ${p.y}`;
      const core = p.from !== undefined ? `${p.from}.–${one(p.d)}` : one(p.d);
      return `${p.weekday !== undefined ? `${p.weekday} ` : ''}den ${core}`;
    }),

  // House style with capitalised headings: labels, markdown headings, agenda header
  // rows and "Sak N/YY:" slide headings all in upper case.
  uppercase_headings: (text) => {
    const labels =
      'Forslag til vedtak|Vedtak|Hensikt med saken|Bakgrunn|Videre saksprosess|Videre prosess|Vedlegg|Til drøfting|' +
      'Formål|Medlemmer|Observatører|Ikke til stede|Til stede|Stedfortreder|Møte i NUIT|Møte i NUFA';
    return text
      .replace(/^(#{1,6}[ \t]+)(.+)$/gm, (_m, h: string, rest: string) => h + rest.toUpperCase())
      .replace(
        new RegExp(
          `^([ \\t]*(?:<[^<>\\n]+>)*)(${labels})(?=[ \\t]*(?:[:<\\t]|$)|[ \\t]+[\\p{Lu}\\d])`,
          'gmu',
        ),
        (_m, pre: string, label: string) => pre + label.toUpperCase(),
      )
      .replace(
        /^([ \t]*)(Referat fra (?:ekstra)?møte(?:t)? i \S+)(?=[ \t]*$)/gm,
        (_m, pre: string, rest: string) => pre + rest.toUpperCase(),
      )
      .replace(new RegExp(`^Sak ${SAK_ID}:.*$`, 'gm'), (l) => l.toUpperCase())
      .split('\n')
      .map((l) => (isHeaderLine(l) || SPACE_AGENDA_HEADER.test(l) ? l.toUpperCase() : l))
      .join('\n');
  },

  // Municipal saksframlegg: the proposal is the "Innstilling".
  label_innstilling: (text) => text.replace(PROPOSAL, 'Innstilling'),

  // State-agency template: "Forslag til beslutning" for the proposal and
  // "Beslutning:" for the adopted decision in the minutes.
  label_beslutning: (text) =>
    text.replace(PROPOSAL, 'Forslag til beslutning').replace(DECISION_COLON, 'Beslutning'),

  // Ministry memo/minutes style: "Tilråding" for the proposal, "Konklusjon:" for what
  // the committee concluded in the minutes.
  label_tilraading_konklusjon: (text) =>
    text.replace(PROPOSAL, 'Tilråding').replace(DECISION_COLON, 'Konklusjon'),

  // Template with labels as headings: "Forslag til vedtak" / "Vedtak" alone on a
  // line (no colon) and the text on the next line.
  labels_on_own_line: (text) =>
    text.replace(/(Forslag til vedtak|Vedtak):((?:<\/b>)?)[ ]*(?=[^\s<])/g, '$1$2\n'),

  // Template with inline labels: a label that stands alone on its line is joined
  // with the first line of its text ("Forslag til vedtak: NUIT tar …").
  labels_inline_joined: (text) =>
    text.replace(
      /^([ \t]*(?:#{1,6}[ \t]*)?(?:<b>)?)(Forslag til vedtak|Vedtak)(?::)?((?:<\/b>)?)[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\S)/gm,
      '$1$2:$3 ',
    ),

  // Protocol templates ("Protokoll fra møte i …") instead of "Referat fra møte i …".
  protokoll_titles: (text) =>
    text.replace(
      /^([ \t]*(?:#{1,6}[ \t]*)?)Referat fra (ekstra)?møte(t)? i (\S+)/gm,
      (_m, pre: string, ekstra: string | undefined, t: string | undefined, who: string) =>
        `${pre}Protokoll fra ${ekstra ?? ''}møte${t ?? ''} i ${who}`,
    ),

  // Municipal møteprotokoll attendance words: "Møtt", "Forfall", "Vararepresentant",
  // "I tillegg møtte", and the secretariat row labelled as such.
  attendance_mott_forfall: (text) =>
    relabelAttendance(text, {
      present: 'Møtt',
      absent: 'Forfall',
      substitute: 'Vararepresentant',
      others: 'I tillegg møtte',
      secretariat: 'Fra sekretariatet',
    }),

  // Another protocol template: "Møtende medlemmer", "Ikke møtt", "Varamedlem",
  // "Andre møtende", "Sekretariat".
  attendance_ikke_mott_vara: (text) =>
    relabelAttendance(text, {
      present: 'Møtende medlemmer',
      absent: 'Ikke møtt',
      substitute: 'Varamedlem',
      others: 'Andre møtende',
      secretariat: 'Sekretariat',
    }),

  // Agenda template without a sakstype column: the type follows the title in
  // brackets, "Forslag til målbilde … (Drøftingssak)".
  sakstype_in_brackets: (text) => {
    const t = mapHeaderTables(text, (header, rows) => {
      const ki = headerIndex(header, /^Sakstype$/);
      if (ki < 0) return [header.join('\t'), ...rows];
      const ti = titleIndex(header);
      return [
        header.filter((_c, i) => i !== ki).join('\t'),
        ...rows.map((r) => {
          if (!r.includes('\t')) return r;
          const cells = r.split('\t');
          const type = stripTags(cells[ki] ?? '').trim();
          const noun = SAKSTYPE_NOUN[type];
          if (noun === undefined && type !== '') return r;
          if (noun !== undefined) cells[ti] = `${cells[ti] ?? ''} (${noun})`;
          return cells.filter((_c, i) => i !== ki).join('\t');
        }),
      ];
    });
    return mapSpaceAgendas(t, (region) => {
      const out: string[] = [];
      const attach = (noun: string): void => {
        for (let k = out.length - 1; k >= 0; k--) {
          const prev = out[k] ?? '';
          if (prev.trim() !== '') {
            out[k] = `${prev.trimEnd()} (${noun})`;
            return;
          }
        }
      };
      region.forEach((l, i) => {
        if (i === 0) {
          out.push(l.replace(/[ ]+Sakstype[ ]*$/, ''));
          return;
        }
        let m = SPACE_ROW_TIME_TYPE.exec(l);
        if (m) {
          out.push(`${(m[1] ?? '').trimEnd()} (${SAKSTYPE_NOUN[m[3] ?? ''] ?? ''}) ${m[2]}`);
          return;
        }
        m = SPACE_ROW_TYPE.exec(l);
        if (m) {
          out.push(`${(m[1] ?? '').trimEnd()} (${SAKSTYPE_NOUN[m[2] ?? ''] ?? ''})`);
          return;
        }
        m = SPACE_TIME_TYPE.exec(l);
        if (m) {
          attach(SAKSTYPE_NOUN[m[3] ?? ''] ?? '');
          out.push(`${m[1]}${m[2]}`);
          return;
        }
        m = SPACE_TYPE_ONLY.exec(l);
        if (m) {
          attach(SAKSTYPE_NOUN[m[2] ?? ''] ?? '');
          out.push('');
          return;
        }
        out.push(l);
      });
      return out;
    });
  },

  // Template whose type column says what the sak is put forward for:
  // "Til godkjenning", "Til orientering", "Til drøfting".
  sakstype_til_form: (text) => {
    const til = (type: string): string => `Til ${type.toLowerCase()}`;
    const t = mapColumn(text, /^Sakstype$/, (cells, ki) => {
      const c = cells[ki];
      if (c === undefined) return;
      cells[ki] = c.replace(
        new RegExp(`^((?:<[^<>]*>)*\\s*)(${SAKSTYPE_ALT})(\\s*(?:<[^<>]*>)*)$`),
        (_m, a: string, ty: string, b: string) => a + til(ty) + b,
      );
    });
    return mapSpaceAgendas(t, (region) => mapSpaceSakstype(region, til));
  },

  // Agenda printed before the timetable was fixed: the time column is there but empty
  // (only the planned clock time of each agenda row goes; no record field depends on it).
  empty_time_column: (text) => {
    const t = mapColumn(text, /^(Tidspunkt|Tid|Kl\.?)$/, (cells, ki) => {
      if (cells[ki] !== undefined) cells[ki] = '';
    });
    return mapSpaceAgendas(t, (region) =>
      region.map((l, i) => {
        if (i === 0 || !/Tidspunkt/.test(region[0] ?? '')) return l;
        let m = SPACE_ROW_TIME_TYPE.exec(l);
        if (m) return `${m[1]}  ${m[3]}`;
        m = SPACE_TIME_TYPE.exec(l);
        if (m) return `${m[1]}${m[3]}`;
        m = SPACE_ROW_TIME.exec(l);
        if (m) return `${m[1]}`;
        return l;
      }),
    );
  },

  // A converter that flattens rich text to plain text: HTML tags and markdown
  // emphasis/headings removed, list items as inline "•" bullets, links as their text.
  plain_text_strip_markup: (text) =>
    text
      .replace(/<li[^<>]*>\s*(?:[-▪•]\s+)?/g, ' • ')
      .replace(/<sup>([^<>]*)<\/sup>/g, '[$1]')
      .replace(/<br\s*\/?>/g, ' ')
      .replace(/<\/(?:li|p|ul|ol)>/g, ' ')
      .replace(/<(?:ul|ol|p)(?:\s[^<>]*)?>/g, ' ')
      .replace(/<\/?(?:b|i|u|em|strong|a|span)(?:\s[^<>]*)?>/g, '')
      .replace(/^#{1,6}[ \t]+/gm, '')
      .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
      .replace(/\[([^\]\n]+)\]\([^)\s]*\)/g, '$1')
      .replace(/\\([()])/g, '$1')
      .split('\n')
      .map((l) =>
        l
          .replace(/[ ]{2,}/g, ' ')
          .replace(/^ (?=\S)/, '')
          .replace(/ +(?=\t)|(?<=\t) +/g, ''),
      )
      .join('\n'),

  // pandoc / markdown converters: tables as pipe tables with a separator row.
  markdown_pipe_tables: (text) =>
    mapTabBlocks(text, (block) => {
      const rows = block.map((l) => l.split('\t').map((c) => c.trim().replace(/\|/g, '\\|')));
      const width = Math.max(...rows.map((r) => r.length));
      const line = (r: string[]): string => {
        const cells = [...r];
        while (cells.length < width) cells.push('');
        return `| ${cells.join(' | ')} |`;
      };
      const [first, ...rest] = rows;
      if (first === undefined) return block;
      return [line(first), `|${Array.from({ length: width }, () => ' --- ').join('|')}|`, ...rest.map(line)];
    }),

  // Møteinnkalling template with explicit field names: "Møtenummer:", "Møtedato:",
  // "Møtetid:", "Møtested:".
  header_mote_labels: (text) => {
    const lines = text.split('\n');
    const out: string[] = [];
    const fieldRe = /^([ \t]*(?:<i>)?)(Dato|Tid|Sted)((?:<\/i>)?)([\t ]+)/;
    const name: Readonly<Record<string, string>> = { Dato: 'Møtedato:', Tid: 'Møtetid:', Sted: 'Møtested:' };
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] ?? '';
      const m = /^([ \t]*(?:<i>)?)Møte((?:<\/i>)?)([\t ]+)(\d{1,2}\/\d{2,4}\b.*)$/.exec(l);
      const next = lines.slice(i + 1, i + 3).find((x) => x.trim() !== '') ?? '';
      if (m && fieldRe.test(next)) {
        out.push(`${m[1]}Møtenummer:${m[2]}${m[3]}${m[4]}`);
        let k = i + 1;
        while (k < lines.length && k <= i + 5) {
          const f = lines[k] ?? '';
          const fm = fieldRe.exec(f);
          if (fm) out.push(f.replace(fieldRe, `${fm[1]}${name[fm[2] ?? ''] ?? ''}${fm[3]}${fm[4]}`));
          else if (f.trim() === '' || !/^[ \t]*(?:<i>)?(Dato|Tid|Sted)/.test(f)) break;
          k++;
        }
        i = k - 1;
        continue;
      }
      out.push(l);
    }
    return out.join('\n');
  },

  // Slide-deck agenda from another secretariat: one "Tid" column "10:00–10:05"
  // instead of Start / Varighet / Slutt.
  nufa_time_range_column: (text) =>
    mapHeaderTables(text, (header, rows) => {
      const si = headerIndex(header, /^Start$/);
      const vi = headerIndex(header, /^Varighet$/);
      const ei = headerIndex(header, /^Slutt$/);
      if (si < 0 || vi < 0 || ei < 0) return [header.join('\t'), ...rows];
      const drop = (cells: string[], tid: string): string =>
        cells
          .map((c, i) => (i === si ? tid : c))
          .filter((_c, i) => i !== vi && i !== ei)
          .join('\t');
      const addMinutes = (start: string, dur: string): string => {
        const [h = 0, m = 0] = start.split(':').map(Number);
        const [dh = 0, dm = 0] = dur.split(':').map(Number);
        const total = h * 60 + m + dh * 60 + dm;
        return `${pad2(Math.floor(total / 60) % 24)}:${pad2(total % 60)}`;
      };
      return [
        drop(header, 'Tid'),
        ...rows.map((r) => {
          if (!r.includes('\t')) return r;
          const cells = r.split('\t');
          while (cells.length < header.length) cells.push('');
          const s = (cells[si] ?? '').trim();
          const d = (cells[vi] ?? '').trim();
          let e = (cells[ei] ?? '').trim();
          if (e === '' && /^\d{1,2}:\d{2}$/.test(s) && /^\d{1,2}:\d{2}$/.test(d)) e = addMinutes(s, d);
          return drop(cells, s !== '' && e !== '' ? `${s}–${e}` : s);
        }),
      ];
    }),
};

// ---------------------------------------------------------------------------

interface AttendanceWords {
  present: string;
  absent: string;
  substitute: string;
  others: string;
  secretariat: string;
}

/**
 * Relabels the attendance block of minutes: "Til stede", "Ikke til stede",
 * "Stedfortreder", "Øvrige" and the secretariat row ("Direktoratet for e-helse"
 * as a row label, kept in brackets so the organisation is not lost).
 */
function relabelAttendance(text: string, w: AttendanceWords): string {
  const t = text
    .replace(/^([ \t]*(?:<i>)?)Ikke til stede(?=(?:<\/i>)?[ \t])/gm, `$1${w.absent}`)
    .replace(/^([ \t]*(?:<i>)?)Til stede(?=(?:<\/i>)?[ \t])/gm, `$1${w.present}`)
    .replace(/^([ \t]*(?:<i>)?)Stedfortreder(?=(?:<\/i>)?[ \t])/gm, `$1${w.substitute}`)
    .replace(/^([ \t]*(?:<i>)?)Øvrige(?=(?:<\/i>)?\t)/gm, `$1${w.others}`)
    .replace(
      /^([ \t]*<i>)Direktoratet for e-helse(?=<\/i>\t)/gm,
      `$1${w.secretariat} (Direktoratet for e-helse)`,
    );
  // The same row label when a PDF converter broke it over two lines: only right
  // after an attendance block (absent / substitute rows).
  const lines = t.split('\n');
  let sinceAttendance = Number.POSITIVE_INFINITY;
  const absentRe = new RegExp(`^[ \\t]*(?:${w.absent}|${w.substitute})\\b`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (absentRe.test(l)) sinceAttendance = 0;
    else sinceAttendance++;
    if (
      sinceAttendance <= 8 &&
      /^Direktoratet[ \t]*$/.test(l) &&
      /^for e-helse[ \t]*$/.test(lines[i + 1] ?? '')
    ) {
      lines[i] = `${w.secretariat} (Direktoratet `;
      lines[i + 1] = `for e-helse)`;
      sinceAttendance = Number.POSITIVE_INFINITY;
    }
  }
  return lines.join('\n');
}
