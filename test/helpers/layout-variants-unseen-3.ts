/**
 * A third blind set of layout variants, written from the converted documents alone.
 *
 * Each variant rewrites a whole converted meeting package the way another producer would
 * have emitted it: another agency's template words, nynorsk or English labels, another
 * converter (pdftotext, Word, a web CMS export to markdown or HTML), other typography.
 * A person reading the result finds the same record: the same meetings, saker (ids, titles,
 * sakstype), proposals, decisions and attendance. Every rewrite is general (it applies to
 * every occurrence of a pattern), deterministic and free of anything but the month names.
 */
import { MONTHS, MONTHS_SHORT } from './layout-variants.ts';

type Variant = (text: string) => string;

// ---------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------

const SAKSTYPER = ['Godkjenning', 'Orientering', 'Drøfting', 'Tilslutning', 'Anbefaling'];
const COMMITTEE_NAMES = /\b(NUIT|NUFA|NEHS|NEHR)\b|e-helseråd|e-helsestyre/g;

/** An HTML tag or a URL: left alone by rewrites of the running text. */
const TAG_OR_URL = /(<\/?[A-Za-z][^<>\n]*>|https?:\/\/[^\s<>"]+)/;

/** Applies `fn` to the text between HTML tags and URLs. */
function outsideTags(text: string, fn: (s: string) => string): string {
  return text
    .split(TAG_OR_URL)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

function mapLines(text: string, fn: (line: string, index: number, lines: string[]) => string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => fn(line, i, lines)).join('\n');
}

/** A sak id such as 12/24 (not part of a URL, a longer number or a path). */
const SAK_ID = /(?<![\w./-])(\d{1,3})\/(\d{2})(?![\w/])/g;
const SAK_ID_SRC = String.raw`\d{1,3}\/\d{2}(?![\w/])`;

/** "Forslag til vedtak" is always the proposal label in these documents. */
const PROPOSAL = /Forslag til vedtak/g;
/** "Vedtak" as a label: followed by a colon. */
const DECISION = /\bVedtak(?=\s*:)/g;
/** Attendance labels at the start of a line, possibly in <i>/<b>. */
const ATTENDANCE_LABEL =
  /^([ \t]*(?:<i>|<b>)?)(Ikke til stede|Til stede|Stedfortreder)(?=(?:<\/i>|<\/b>)?(?:[ \t:]|$))/gm;

function withLabels(text: string, map: Record<string, string>): string {
  return text.replace(ATTENDANCE_LABEL, (_m, pre: string, label: string) => pre + (map[label] ?? label));
}

/**
 * Line-start keys of the meeting header and the memo (toppnotat) header, with the condition
 * the rest of the line must meet for the word to be a key rather than the start of a sentence.
 */
const HEADER_KEYS: Record<string, RegExp> = {
  Møte: /^[\t ]+\d/,
  Dato: /^[\t ]+\d|^[\t ]*$/,
  Tid: /^[\t ]+(?:\d|Kl)/,
  Sted: /^[\t ]+[A-ZÆØÅ]/,
  Medlemmer: /^(?:[\t ]+[A-ZÆØÅ]|[\t ]*$)/,
  Observatører: /^(?:[\t ]+[A-ZÆØÅ]|[\t ]*$)/,
  Øvrige: /^(?:[\t ]+[A-ZÆØÅ]|[\t ]*$)/,
  Saksnummer: /^[\t ]+\d|^[\t ]*$/,
  Saksbehandler: /^[\t ]+[A-ZÆØÅ]|^[\t ]*$/,
  Fra: /^[\t ]+[A-ZÆØÅ][\wæøåÆØÅöäüé.-]* [A-ZÆØÅ]|^[\t ]*$/,
  Type: new RegExp(`^[\\t ]+(?:${SAKSTYPER.join('|')})\\b|^[\\t ]*$`),
  Til: /^[\t ]+Møte\b|^[\t ]*$/,
};
const HEADER_KEY_LINE = new RegExp(
  `^([ \\t]*)(<i>|<b>)?(${Object.keys(HEADER_KEYS).join('|')})(<\\/i>|<\\/b>)?(?=[\\t ]|$)(.*)$`,
);

/** Rewrites the header keys of a line through `rename`; other lines pass unchanged. */
function renameHeaderKeys(text: string, rename: (key: string, rest: string) => string | undefined): string {
  return mapLines(text, (line) => {
    if (/^[ \t]*(?:<i>|<b>)?(?:Ikke til stede|Til stede)/.test(line)) return line;
    const m = HEADER_KEY_LINE.exec(line);
    if (!m) return line;
    const [, ind = '', open = '', key = '', close = '', rest = ''] = m;
    const cond = HEADER_KEYS[key];
    if (!cond || !cond.test(rest)) return line;
    const renamed = rename(key, rest);
    if (renamed === undefined) return line;
    return `${ind}${open}${renamed}${close}${rest}`;
  });
}

/** A table header row: "Sak"/"Saksnr." first, column names after, no digits. */
const TABLE_HEADER_ROW = /^[ \t]*(?:Sak|Saksnr\.)[ \t]+(?=.*\b(?:Sakstype|Tema|Tittel)\b)[^\d\n]*$/gm;

function renameHeaderRow(text: string, words: Record<string, string>): string {
  return text.replace(TABLE_HEADER_ROW, (row) =>
    row
      .split(/(\t| {1,})/)
      .map((cell) => words[cell] ?? cell)
      .join(''),
  );
}

/** Runs of consecutive lines that hold a tab: the tables of a Word/HTML conversion. */
function mapTables(text: string, fn: (rows: string[][]) => string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.includes('\t')) {
      out.push(line);
      i++;
      continue;
    }
    const run: string[][] = [];
    while (i < lines.length && (lines[i] ?? '').includes('\t')) {
      run.push((lines[i] ?? '').split('\t'));
      i++;
    }
    out.push(...fn(run));
  }
  return out.join('\n');
}

function stripTags(s: string): string {
  return s.replace(/<\/?[A-Za-z][^<>\n]*>/g, '').trim();
}

// Dates ---------------------------------------------------------------------------------

const MONTH_ALT = MONTHS.join('|');
const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

interface HeaderDate {
  day: number;
  endDay?: number;
  month: number; // 1-12
  year: number;
}

/**
 * A date that is the whole value of a header line: "Dato  9. september 2020", a day heading
 * "Onsdag 6. november 2019", a slide footer "NUFA 6. - 7. november 2019", a memo value
 * "25.05.2023". Dates inside titles, proposals and running text are left as written.
 */
const HEADER_DATE_LINE = new RegExp(
  String.raw`^([ \t]*(?:(?:<i>)?(?:Dato|Møtedato)(?:<\/i>)?[ \t]+|(?:Dag \d+ [–-] )?(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)[ \t]+|(?:NUIT|NUFA)[ \t]+)?)` +
    String.raw`(?:(\d{1,2})\.(?:[ \t]*[–-][ \t]*(\d{1,2})\.)?[ \t]*(${MONTH_ALT})[ \t]+(\d{4})|(\d{1,2})\.(\d{1,2})\.(\d{4}))([ \t]*)$`,
  'i',
);

function rewriteHeaderDates(text: string, fmt: (d: HeaderDate, prefix: string) => string): string {
  return mapLines(text, (line) => {
    const m = HEADER_DATE_LINE.exec(line);
    if (!m) return line;
    const [, prefix = '', d1, d2, mon, y1, nd, nm, ny, tail = ''] = m;
    let d: HeaderDate;
    if (mon !== undefined && d1 !== undefined && y1 !== undefined) {
      d = { day: Number(d1), month: MONTHS.indexOf(mon.toLowerCase()) + 1, year: Number(y1) };
      if (d2 !== undefined) d.endDay = Number(d2);
    } else if (nd !== undefined && nm !== undefined && ny !== undefined) {
      d = { day: Number(nd), month: Number(nm), year: Number(ny) };
    } else return line;
    if (d.month < 1 || d.month > 12) return line;
    return prefix + fmt(d, prefix) + tail;
  });
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
function weekday(year: number, month: number, day: number): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

// Attendance ------------------------------------------------------------------------------

const ATTENDANCE_LINE =
  /^([ \t]*)(?:<i>|<b>)?(Ikke til stede|Til stede|Stedfortreder)(?:<\/i>|<\/b>)?[ \t]*:?[ \t]*(.*)$/;
const ATTENDANCE_END =
  /^[ \t]*(?:<i>|<b>)?(?:Ikke til stede|Til stede|Stedfortreder|Øvrige|Direktoratet|Helsedirektoratet|Sekretariat|Referent|Sak\b|Medlemmer|Observatører|Forfall|#)/;

/** One entry per person, from a block where names run on, wrap over lines or sit in columns. */
function attendanceEntries(body: string): string[] {
  const pieces = body
    .split(/[\t\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap((p) => p.split(/(?<=\))\s+(?=[A-ZÆØÅ])/));
  const out: string[] = [];
  const count = (s: string, ch: string): number => s.split(ch).length - 1;
  for (const p of pieces) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      (count(prev, '(') > count(prev, ')') ||
        /^[(a-zæøå0-9–-]/.test(p) ||
        /(?:[–-]\s*(?:til|fra)|\bfor)$/.test(prev));
    if (continues && prev !== undefined) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

function rewriteAttendance(
  text: string,
  render: (label: string, entries: string[], indent: string) => string[],
): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const m = ATTENDANCE_LINE.exec(line);
    if (!m) {
      out.push(line);
      i++;
      continue;
    }
    const [, indent = '', label = '', first = ''] = m;
    const body = [first];
    let j = i + 1;
    while (j < lines.length && j - i < 60 && !ATTENDANCE_END.test(lines[j] ?? '')) {
      body.push(lines[j] ?? '');
      j++;
    }
    // trailing blank lines stay where they were
    let k = body.length;
    while (k > 1 && (body[k - 1] ?? '').trim() === '') k--;
    const entries = attendanceEntries(body.slice(0, k).join('\n'));
    if (entries.length === 0) {
      out.push(line);
      i++;
      continue;
    }
    out.push(...render(label, entries, indent));
    for (let b = k; b < body.length; b++) out.push(body[b] ?? '');
    i = j;
  }
  return out.join('\n');
}

function listProse(entries: string[]): string {
  if (entries.length <= 1) return entries.join('');
  return `${entries.slice(0, -1).join(', ')} og ${entries[entries.length - 1] ?? ''}`;
}

// Page furniture --------------------------------------------------------------------------

function everyNLines(text: string, n: number, insert: (page: number, pages: number) => string[]): string {
  const lines = text.split('\n');
  const pages = Math.max(1, Math.ceil(lines.length / n));
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % n === 0 && i + 1 < lines.length) out.push(...insert((i + 1) / n, pages));
  });
  return out.join('\n');
}

// Wrapping --------------------------------------------------------------------------------

const VOWEL = /[aeiouyæøåäöüé]/i;
/**
 * The last place before `room` where a word can be hyphenated the way a typesetter would:
 * between a vowel and the consonant that starts the next syllable (an-be-fa|ling), or
 * between doubled consonants (til-strek|ke-lig); no break where neither is found.
 */
function syllableBreak(w: string, room: number): number {
  for (let k = Math.min(room, w.length - 4); k >= 4; k--) {
    const prev = w[k - 1] ?? '';
    const here = w[k] ?? '';
    if (!VOWEL.test(here) && VOWEL.test(w[k + 1] ?? '') && (VOWEL.test(prev) || prev === here)) return k;
  }
  return -1;
}

function wrapLine(line: string, width: number, hyphenate: boolean): string[] {
  if (line.length <= width || line.includes('\t') || line.includes('<') || line.startsWith('#'))
    return [line];
  const lead = /^[ ]*/.exec(line)?.[0] ?? '';
  const words = line
    .slice(lead.length)
    .split(/ +/)
    .filter((w) => w !== '');
  const out: string[] = [];
  let cur = lead;
  for (const word of words) {
    let w = word;
    const sep = cur.trim() === '' ? '' : ' ';
    if (cur.length + sep.length + w.length <= width) {
      cur += sep + w;
      continue;
    }
    const room = width - cur.length - sep.length - 1;
    const at = hyphenate && /^[A-Za-zÆØÅæøåÄÖÜäöüé]+$/.test(w) ? syllableBreak(w, room) : -1;
    if (at > 0) {
      out.push(`${cur}${sep}${w.slice(0, at)}-`);
      w = w.slice(at);
    } else if (cur.trim() !== '') {
      out.push(cur);
    }
    cur = w;
  }
  if (cur.trim() !== '') out.push(cur);
  return out;
}

// Numbers ---------------------------------------------------------------------------------

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function ownCommittee(text: string): string {
  return /\b(NUIT|NUFA)\b/.exec(text)?.[1] ?? 'NUIT';
}

/** A line-start sak id (agenda row, minutes row, memo value), possibly inside <b>. */
const LINE_START_ID = new RegExp(String.raw`^([ \t]*(?:<b>)?)(${SAK_ID_SRC})`);
/** A slide or section heading "Sak 12/24". */
const SAK_HEADING = new RegExp(String.raw`^([ \t]*)Sak (${SAK_ID_SRC})`);

// ---------------------------------------------------------------------------------------
// The variants
// ---------------------------------------------------------------------------------------

export const UNSEEN_VARIANTS_3: Record<string, Variant> = {
  /** Nynorsk template: Framlegg til vedtak, Til stades, Ikkje til stades, Stadfortredar, Stad. */
  nynorsk_labels: (text) => {
    let t = text.replace(PROPOSAL, 'Framlegg til vedtak');
    t = withLabels(t, {
      'Ikke til stede': 'Ikkje til stades',
      'Til stede': 'Til stades',
      Stedfortreder: 'Stadfortredar',
    });
    t = renameHeaderKeys(
      t,
      (key) =>
        ({
          Sted: 'Stad',
          Medlemmer: 'Medlemer',
          Observatører: 'Observatørar',
          Øvrige: 'Andre',
          Saksbehandler: 'Sakshandsamar',
        })[key],
    );
    t = t.replace(/^([ \t#]*)Referat fra (ekstra)?møte i\b/gm, '$1Referat frå $2møte i');
    t = t.replace(/^([ \t#]*)Hensikt med saken\b/gm, '$1Føremålet med saka');
    t = t.replace(/^([ \t#]*)Videre saksprosess\b/gm, '$1Vidare saksprosess');
    t = t.replace(/^([ \t#]*)Vedtak fra tidligere behandlinger\b/gm, '$1Vedtak frå tidlegare handsamingar');
    return t;
  },

  /** An English-language template: Proposed decision, Decision, Present, Apologies, Meeting/Date/Venue. */
  english_template_labels: (text) => {
    let t = text.replace(PROPOSAL, 'Proposed decision').replace(DECISION, 'Decision');
    t = withLabels(t, { 'Ikke til stede': 'Apologies', 'Til stede': 'Present', Stedfortreder: 'Substitute' });
    t = renameHeaderKeys(
      t,
      (key) =>
        ({
          Møte: 'Meeting',
          Dato: 'Date',
          Tid: 'Time',
          Sted: 'Venue',
          Medlemmer: 'Members',
          Observatører: 'Observers',
          Øvrige: 'Also present',
          Saksnummer: 'Item no.',
          Saksbehandler: 'Case officer',
          Fra: 'From',
          Type: 'Item type',
          Til: 'To',
        })[key],
    );
    t = t.replace(/^([ \t]*To[ \t]+)Møte\b/gm, '$1Meeting');
    t = renameHeaderRow(t, {
      Sak: 'Item',
      'Saksnr.': 'Item no.',
      Tema: 'Subject',
      Tittel: 'Title',
      Sakstype: 'Type',
      Tidspunkt: 'Time',
      Tid: 'Time',
      Sakseier: 'Owner',
      Saksbehandler: 'Case officer',
      Start: 'Start',
      Varighet: 'Duration',
      Slutt: 'End',
    });
    t = t.replace(/^([ \t#]*)Møte i (NUIT|NUFA)\b/gm, '$1Meeting of $2');
    t = t.replace(/^([ \t#]*)Referat fra ekstramøte i\b/gm, '$1Minutes of the extraordinary meeting of');
    t = t.replace(/^([ \t#]*)Referat fra møte i\b/gm, '$1Minutes of the meeting of');
    t = t.replace(/^([ \t]*)Sak (?=\d{1,3}\/\d{2})/gm, '$1Item ');
    t = t.replace(/^([ \t#]*)Hensikt med saken\b/gm, '$1Purpose');
    t = t.replace(/^([ \t#]*)Bakgrunn(?=[ \t]*$)/gm, '$1Background');
    t = t.replace(/^([ \t#]*)Videre saksprosess\b/gm, '$1Further process');
    t = t.replace(
      /^([ \t#]*)Vedtak fra tidligere behandlinger i rådsmodellen/gm,
      '$1Earlier decisions in the governance model',
    );
    return t;
  },

  /** Municipal wording of the proposal: "Innstilling til vedtak". */
  innstilling_til_vedtak: (text) => text.replace(PROPOSAL, 'Innstilling til vedtak'),

  /** Minutes that label the adopted decision "Konklusjon:". */
  decision_labelled_konklusjon: (text) =>
    text.replace(DECISION, 'Konklusjon').replace(/^([ \t]*)Vedtak(?=[ \t]*$)/gm, '$1Konklusjon'),

  /** Labels, header keys, table headers and section headings in capitals. */
  labels_all_caps: (text) => {
    let t = text.replace(PROPOSAL, (m) => m.toUpperCase()).replace(DECISION, 'VEDTAK');
    t = t.replace(ATTENDANCE_LABEL, (_m, pre: string, label: string) => pre + label.toUpperCase());
    t = renameHeaderKeys(t, (key) => key.toUpperCase());
    t = t.replace(TABLE_HEADER_ROW, (row) => row.toUpperCase());
    t = t.replace(
      /^([ \t#]*)((?:Referat fra (?:ekstra)?møte|Møte) i (?:NUIT|NUFA))/gm,
      (_m, pre: string, h: string) => pre + h.toUpperCase(),
    );
    t = t.replace(/^([ \t]*)Sak (?=\d{1,3}\/\d{2})/gm, '$1SAK ');
    return t;
  },

  /** Markdown export: <b> becomes double asterisks, <i> underscores, and plain labels are set in bold. */
  bold_markdown_labels: (text) => {
    let t = text.replace(/<b>([^<\n]*?)<\/b>/g, '**$1**').replace(/<i>([^<\n]*?)<\/i>/g, '_$1_');
    t = t.replace(/(^|[^*])(Forslag til vedtak:?)(?![:*])/gm, '$1**$2**');
    t = t.replace(/(^|[^*])\bVedtak:(?!\*)/gm, '$1**Vedtak:**');
    t = t.replace(/^([ \t]*)(Ikke til stede|Til stede|Stedfortreder)\b/gm, '$1**$2**');
    return t;
  },

  /** A municipal minutes template: Frammøte, Møtende medlemmer, Forfall, Møtende vara, Protokoll. */
  municipal_attendance_labels: (text) => {
    let t = withLabels(text, {
      'Ikke til stede': 'Forfall',
      'Til stede': 'Møtende medlemmer',
      Stedfortreder: 'Møtende varamedlem',
    });
    // "Medlemmer" over the attendance block (no names on its own line) is the Frammøte heading;
    // "Medlemmer" followed by names is the invitation's list and keeps its word.
    t = t.replace(/^([ \t]*(?:<b>|<i>)?)Medlemmer(?=(?:<\/b>|<\/i>)?[ \t]*$)/gm, '$1Frammøte');
    t = t.replace(/^([ \t]*(?:<i>)?)Øvrige(?=<\/i>|\t)/gm, '$1Andre møtende');
    t = t.replace(/^([ \t#]*)Referat fra (ekstra)?møte i\b/gm, '$1Protokoll fra $2møte i');
    return t;
  },

  /** Attendance written as running prose: "Til stede var: A, B og C." */
  attendance_running_prose: (text) =>
    rewriteAttendance(text, (label, entries, indent) => {
      const lead = {
        'Til stede': 'Til stede var',
        'Ikke til stede': 'Ikke til stede var',
        Stedfortreder: 'Som stedfortreder møtte',
      }[label];
      return [`${indent}${lead ?? label}: ${listProse(entries)}.`, ''];
    }),

  /** Attendance as a label line and one bulleted person per line. */
  attendance_bulleted_lists: (text) =>
    rewriteAttendance(text, (label, entries, indent) => [
      `${indent}${label}:`,
      ...entries.map((e) => `${indent}- ${e}`),
      '',
    ]),

  /** Sak and meeting numbers with the full year: 12/24 → 12/2024. */
  sak_id_full_year: (text) =>
    outsideTags(text, (s) => s.replace(SAK_ID, (_m, n: string, yy: string) => `${n}/20${yy}`)),

  /** Agenda rows and sak headings carry the committee: "NUIT-sak 12/24". */
  sak_id_committee_prefix: (text) => {
    const own = ownCommittee(text);
    const other = (s: string): boolean => [...s.matchAll(COMMITTEE_NAMES)].some((m) => m[0] !== own);
    let prev = '';
    return mapLines(text, (line) => {
      const context = prev;
      if (line.trim() !== '') prev = line;
      if (other(line) || other(context)) return line;
      return line
        .replace(SAK_HEADING, (_m, ind: string, id: string) => `${ind}${own}-sak ${id}`)
        .replace(LINE_START_ID, (_m, pre: string, id: string) => `${pre}${own}-sak ${id}`);
    });
  },

  /** "Sak nr." before every listed sak id and in sak headings. */
  sak_nr_prefix: (text) =>
    mapLines(text, (line) =>
      line
        .replace(SAK_HEADING, (_m, ind: string, id: string) => `${ind}Sak nr. ${id}`)
        .replace(LINE_START_ID, (_m, pre: string, id: string) => `${pre}Sak nr. ${id}`),
    ),

  /** Header dates with abbreviated months: "15. feb. 2024", "6.–7. nov. 2019". */
  header_dates_abbreviated_months: (text) =>
    rewriteHeaderDates(text, (d) => {
      const mon = MONTHS_SHORT[d.month - 1] ?? '';
      return d.endDay !== undefined
        ? `${d.day}.–${d.endDay}. ${mon} ${d.year}`
        : `${d.day}. ${mon} ${d.year}`;
    }),

  /** Header dates in ISO form: "2020-09-09", ranges "2019-11-06 – 2019-11-07". */
  header_dates_iso: (text) =>
    rewriteHeaderDates(text, (d) => {
      const iso = (day: number): string => `${d.year}-${pad2(d.month)}-${pad2(day)}`;
      return d.endDay !== undefined ? `${iso(d.day)} – ${iso(d.endDay)}` : iso(d.day);
    }),

  /** Header dates with the weekday: "onsdag 9. september 2020". */
  header_dates_with_weekday: (text) =>
    rewriteHeaderDates(text, (d, prefix) => {
      const already = /(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)/i.test(prefix);
      const mon = MONTHS[d.month - 1] ?? '';
      if (d.endDay !== undefined) {
        if (already) return `${d.day}. – ${d.endDay}. ${mon} ${d.year}`;
        return `${weekday(d.year, d.month, d.day)} ${d.day}. – ${weekday(d.year, d.month, d.endDay)} ${d.endDay}. ${mon} ${d.year}`;
      }
      return already
        ? `${d.day}. ${mon} ${d.year}`
        : `${weekday(d.year, d.month, d.day)} ${d.day}. ${mon} ${d.year}`;
    }),

  /** Word's autoformat: curly quotes and apostrophes, en dashes in ranges and between words, ellipsis. */
  smart_quotes_and_dashes: (text) =>
    outsideTags(text, (s) =>
      s
        .replace(/"([^"\n]*)"/g, '“$1”')
        .replace(/'/g, '’')
        .replace(/ - /g, ' – ')
        .replace(/(\d)[ ]?-[ ]?(?=\d)/g, '$1–')
        .replace(/\.\.\./g, '…'),
    ),

  /** East-Asian input method punctuation: fullwidth colon, slash and parentheses. */
  fullwidth_punctuation: (text) =>
    outsideTags(text, (s) =>
      s.replace(/:/g, '：').replace(/\//g, '／').replace(/\(/g, '（').replace(/\)/g, '）'),
    ),

  /** A web editor's invisible characters: BOM, zero-width spaces at labels and tabs, word joiners in ids. */
  zero_width_characters: (text) => {
    let t = '\uFEFF' + text.replace(/\t/g, '\t\u200B');
    t = outsideTags(t, (s) => s.replace(SAK_ID, (_m, n: string, yy: string) => `${n}\u2060/\u2060${yy}`));
    t = t.replace(PROPOSAL, '\u200BForslag til vedtak').replace(DECISION, '\u200BVedtak');
    t = t.replace(ATTENDANCE_LABEL, (_m, pre: string, label: string) => `${pre}${label}\u200B`);
    return t;
  },

  /** Soft hyphens (U+00AD) inside every long word, as a hyphenating word processor stores them. */
  soft_hyphens_in_long_words: (text) =>
    outsideTags(text, (s) =>
      s.replace(/[A-Za-zÆØÅæøåÄÖÜäöüéè]{10,}/g, (w) => {
        let out = '';
        for (let i = 0; i < w.length; i++) {
          out += w[i] ?? '';
          if (i >= 3 && (i + 1) % 4 === 0 && w.length - i - 1 >= 3) out += '\u00AD';
        }
        return out;
      }),
    ),

  /** No-break spaces around numbers, after colons and before dashes (Word, InDesign). */
  no_break_spaces: (text) =>
    outsideTags(text, (s) =>
      s
        .replace(/ (?=\d)/g, '\u00A0')
        .replace(/(?<=\d) (?=\S)/g, '\u00A0')
        .replace(/: (?=\S)/g, ':\u00A0')
        .replace(/ – /g, '\u00A0– '),
    ),

  /** Windows line endings. */
  crlf_line_endings: (text) => text.replace(/\r?\n/g, '\r\n'),

  /** pdftotext of a narrow column: prose lines broken at 60 characters, long words hyphenated. */
  hard_wrap_60_hyphenated: (text) => mapLines(text, (line) => wrapLine(line, 60, true).join('\n')),

  /** PDF page furniture: "Side k av N" footers and form feeds every 48 lines. */
  page_breaks_side_x_av_y: (text) =>
    everyNLines(text, 48, (page, pages) => ['', `Side ${page} av ${pages}`, '\f']),

  /** A classification header and a version/date footer on every page. */
  classification_header_version_footer: (text) => {
    const header = 'Unntatt offentlighet jf. offl. § 14';
    const body = everyNLines(text, 52, (page) => [
      '',
      `Helsedirektoratet | Versjon 1.0 | 03.03.2025 | Side ${page}`,
      `\f${header}`,
      '',
    ]);
    return `${header}\n\n${body}`;
  },

  /** A markdown export: tab tables become pipe tables with a separator row. */
  markdown_pipe_tables: (text) =>
    mapTables(text, (rows) => {
      const n = Math.max(...rows.map((r) => r.length));
      const fmt = (r: string[]): string =>
        `| ${Array.from({ length: n }, (_v, i) => (r[i] ?? '').trim().replace(/\|/g, '\\|')).join(' | ')} |`;
      const [head, ...rest] = rows;
      return [fmt(head ?? []), `|${' --- |'.repeat(n)}`, ...rest.map(fmt)];
    }),

  /** A Word table with a leading row-number column. */
  tab_tables_with_row_numbers: (text) =>
    mapTables(text, (rows) => {
      let n = 0;
      return rows.map((r, i) => {
        const filled = r.filter((c) => c.trim() !== '');
        if (i < 2 && !/\d/.test(r.join(''))) return [filled.length >= 2 ? 'Nr.' : '', ...r].join('\t');
        n++;
        return [String(n), ...r].join('\t');
      });
    }),

  /** pdftotext -layout: table columns aligned with runs of spaces instead of tabs. */
  space_aligned_tables: (text) =>
    mapTables(text, (rows) => {
      const widths: number[] = [];
      for (const r of rows)
        r.forEach((c, i) => (widths[i] = Math.min(48, Math.max(widths[i] ?? 0, c.trim().length))));
      return rows.map((r) =>
        r
          .map((c, i) => {
            const cell = c.trim();
            if (i === r.length - 1) return cell;
            return cell + ' '.repeat(Math.max(2, (widths[i] ?? 0) - cell.length + 2));
          })
          .join('')
          .trimEnd(),
      );
    }),

  /** A web CMS export to HTML: paragraphs, headings and <table> markup. */
  html_document_export: (text) => {
    const esc = (s: string): string =>
      outsideTags(s, (p) =>
        p
          .replace(/&(?![a-z]+;|#\d+;)/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;'),
      ).replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>');
    const title = stripTags(text.split('\n').find((l) => l.trim() !== '') ?? '');
    const withTables = mapTables(text, (rows) => [
      '<table>',
      ...rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c.trim())}</td>`).join('')}</tr>`),
      '</table>',
    ]);
    const body = mapLines(withTables, (line) => {
      const tl = line.trim();
      if (tl === '') return '';
      if (/^<\/?(?:table|tr)>/.test(tl)) return tl;
      const h = /^(#{1,6})\s+(.*)$/.exec(tl);
      if (h) return `<h${h[1]?.length ?? 1}>${esc(h[2] ?? '')}</h${h[1]?.length ?? 1}>`;
      return `<p>${esc(tl.replace(/\f/g, ''))}</p>`;
    });
    return `<!DOCTYPE html>\n<html lang="nb">\n<head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
  },

  /** Google Docs markdown: headings marked with #, a heading's wrapped lines joined into it. */
  markdown_headings: (text) => {
    const lines = text.split('\n');
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const tl = line.trim();
      if (/^[ \t]*#/.test(line) || line.includes('\t')) out.push(line);
      else if (new RegExp(String.raw`^Sak ${SAK_ID_SRC}`).test(tl)) {
        const parts = [tl];
        while (
          i + 1 < lines.length &&
          (lines[i + 1] ?? '').trim() !== '' &&
          !(lines[i + 1] ?? '').includes('\t')
        ) {
          parts.push((lines[i + 1] ?? '').trim());
          i++;
        }
        out.push(`## ${parts.join(' ')}`);
      } else if (/^(?:Referat fra (?:ekstra)?møte|Møte) i (?:NUIT|NUFA)$/.test(tl)) out.push(`# ${tl}`);
      else if (/^Forslag til vedtak:?$/.test(tl)) out.push(`### ${tl}`);
      else if (/^Vedtak:$/.test(tl)) out.push('### Vedtak');
      else if (
        /^(?:Hensikt med saken|Bakgrunn|Videre saksprosess|Vedtak fra tidligere behandlinger i rådsmodellen)$/.test(
          tl,
        )
      )
        out.push(`### ${tl}`);
      else out.push(line);
    }
    return out.join('\n');
  },

  /** Sak headings numbered with roman numerals in order of appearance: "III. Sak 38/19: …". */
  roman_numbered_sak_headings: (text) => {
    const order = new Map<string, number>();
    return mapLines(text, (line) =>
      line.replace(SAK_HEADING, (_m, ind: string, id: string) => {
        if (!order.has(id)) order.set(id, order.size + 1);
        return `${ind}${roman(order.get(id) ?? 1)}. Sak ${id}`;
      }),
    );
  },

  /** The proposal/decision label alone on its line, the text on the next. */
  decision_label_on_own_line: (text) =>
    mapLines(text, (line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      return line.replace(
        /(Forslag til vedtak|\bVedtak)(:)((?:<\/b>)?)[ \t]+(?=\S)/g,
        (_m, label: string, colon: string, close: string) => `${label}${colon}${close}\n${indent}`,
      );
    }),

  /** A label alone on its line is joined with the text that follows: "Vedtak: NUIT …". */
  decision_text_inline_with_label: (text) => {
    const lines = text.split('\n');
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const m = /^([ \t]*(?:<b>)?)(Forslag til vedtak|Vedtak):?((?:<\/b>)?)[ \t]*$/.exec(line);
      if (!m) {
        out.push(line);
        continue;
      }
      let j = i + 1;
      while (j < lines.length && j - i <= 3 && (lines[j] ?? '').trim() === '') j++;
      const next = lines[j];
      if (next === undefined || next.trim() === '' || /^[ \t]*(?:#|Sak\b|\d{1,3}\/\d{2})/.test(next)) {
        out.push(line);
        continue;
      }
      out.push(`${m[1] ?? ''}${m[2] ?? ''}:${m[3] ?? ''} ${next.trim()}`);
      i = j;
    }
    return out.join('\n');
  },

  /** A template that sets labels off with a dash: "Vedtak – NUIT …". */
  label_dash_instead_of_colon: (text) => text.replace(/(Forslag til vedtak|\bVedtak)[ \t]*:/g, '$1 –'),

  /** The sakstype column folded into the title cell: "Godkjenning av … (Godkjenning)". */
  sakstype_in_parentheses_after_title: (text) =>
    mapTables(text, (rows) => {
      const header = rows.map((r) => r.map(stripTags).indexOf('Sakstype')).find((h) => h > 0);
      return rows.map((r) => {
        const plain = r.map(stripTags);
        if (plain.indexOf('Sakstype') > 0) return r.filter((c) => stripTags(c) !== 'Sakstype').join('\t');
        const idAt = plain.findIndex((c) => /^\d{1,3}\/\d{2}$/.test(c));
        const typeAt =
          header !== undefined
            ? header
            : plain.findIndex((c, i) => idAt >= 0 && i > idAt + 1 && SAKSTYPER.includes(c));
        const type = plain[typeAt] ?? '';
        if (typeAt < 0 || typeAt >= r.length) return r.join('\t');
        if (idAt >= 0 && idAt + 1 < typeAt && SAKSTYPER.includes(type))
          return r
            .map((c, i) => (i === idAt + 1 ? `${c.trimEnd()} (${type})` : c))
            .filter((_c, i) => i !== typeAt)
            .join('\t');
        if (header !== undefined && type === '') return r.filter((_c, i) => i !== typeAt).join('\t');
        return r.join('\t');
      });
    }),

  /** Header keys written "Key: value" on one line instead of a two-column table. */
  header_keys_with_colon: (text) => {
    const t = renameHeaderKeys(text, (key) => `${key}:`).replace(
      /^([ \t]*(?:<i>|<b>)?)(Ikke til stede|Til stede|Stedfortreder)(?=(?:<\/i>|<\/b>)?(?:[ \t]|$))/gm,
      (_m, pre: string, label: string) => `${pre}${label}:`,
    );
    const keyed = new RegExp(
      `^([ \\t]*(?:<i>|<b>)?(?:${[...Object.keys(HEADER_KEYS), 'Ikke til stede', 'Til stede', 'Stedfortreder'].join('|')}):(?:<\\/i>|<\\/b>)?)[\\t ]+(\\S.*)$`,
    );
    return mapLines(t, (line) => {
      const m = keyed.exec(line);
      if (!m) return line;
      return `${m[1] ?? ''} ${(m[2] ?? '').replace(/\t+$/, '').replace(/\t/g, ' ')}`;
    });
  },

  /** Another agency's header words: Møtenr., Møtedato, Klokkeslett, Møtested, Saksnr., Type sak. */
  other_agency_header_keys: (text) => {
    const t = renameHeaderKeys(
      text,
      (key) =>
        ({
          Møte: 'Møtenr.',
          Dato: 'Møtedato',
          Tid: 'Klokkeslett',
          Sted: 'Møtested',
          Medlemmer: 'Utvalgsmedlemmer',
          Saksnummer: 'Saksnr.',
          Saksbehandler: 'Saksbeh.',
          Fra: 'Avsender',
          Type: 'Sakstype',
        })[key],
    );
    return renameHeaderRow(t, {
      Sak: 'Saksnr.',
      Tema: 'Sakstittel',
      Tittel: 'Sakstittel',
      Sakstype: 'Type sak',
      Tidspunkt: 'Kl.',
    });
  },

  /** PDF text with typographic ligatures kept: ﬁ ﬂ ﬀ ﬃ ﬄ. */
  pdf_ligatures: (text) =>
    outsideTags(text, (s) =>
      s.replace(/ffi/g, 'ﬃ').replace(/ffl/g, 'ﬄ').replace(/ff/g, 'ﬀ').replace(/fi/g, 'ﬁ').replace(/fl/g, 'ﬂ'),
    ),

  /** A macOS export: letters with diacritics decomposed (NFD). */
  nfd_decomposed_letters: (text) => text.normalize('NFD'),

  /** Another word processor's bullet characters: "- " → "• ", "• " → "▪ ", "▪ " → "– ". */
  list_markers_restyled: (text) =>
    text.replace(
      /^([ \t]*)([-•▪]) (?=\S)/gm,
      (_m, ind: string, b: string) => `${ind}${{ '-': '•', '•': '▪', '▪': '–' }[b] ?? b} `,
    ),

  /** A tidy exporter: spaces trimmed at both line ends, runs of blank lines collapsed to one. */
  whitespace_normalised_export: (text) =>
    text
      .split('\n')
      .map((l) => l.replace(/^ +| +$/g, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n'),
};
