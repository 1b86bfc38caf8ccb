// Bytes of a meeting document → text with structure hints. One reader per format; every failure
// is a MotebotError naming the file and the reason, in bokmål.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { MotebotError } from '../errors.ts';
import { htmlToText } from './html.ts';
import { DEFAULT_LIMITS, megabytes, type ReadLimits } from './limits.ts';
import { pdfToText } from './pdf.ts';
import type { DocumentFormat, ExtractedText } from './types.ts';
import { checkUnzippedSize } from './zip.ts';

export const SUPPORTED_EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export function formatOf(fileName: string): DocumentFormat | null {
  return SUPPORTED_EXTENSIONS[path.extname(fileName).toLowerCase()] ?? null;
}

function requireFormat(fileName: string): DocumentFormat {
  const format = formatOf(fileName);
  if (!format) {
    const list = Object.keys(SUPPORTED_EXTENSIONS).join(', ');
    throw new MotebotError(
      'unsupported_type',
      `«${fileName}» har en filtype som ikke støttes. Støttede typer: ${list}.`,
    );
  }
  return format;
}

function tooLarge(fileName: string, size: number, max: number): MotebotError {
  return new MotebotError(
    'file_too_large',
    `«${fileName}» er for stor (${megabytes(size)} MB); største tillatte størrelse er ${megabytes(max)} MB.`,
  );
}

const tooMuch = (fileName: string, what: string) =>
  new MotebotError('too_much_content', `«${fileName}» ${what}, og leses derfor ikke inn.`);

const tooLong = (fileName: string, limits: ReadLimits) =>
  tooMuch(fileName, `har mer enn ${limits.maxTextChars.toLocaleString('nb-NO')} tegn tekst`);

/**
 * The fewest characters `decodeText` can make of these bytes: one per byte that starts a UTF-8
 * character (windows-1252 makes one of every byte), less one for a BOM they may start with. A plain
 * text over the limit is refused by this count, before its decoded copy (up to twice its size in
 * memory) is made.
 */
function leastTextLength(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if ((b & 0xc0) !== 0x80) n++;
  return n - 1;
}

/** UTF-8, or windows-1252 when the bytes are not valid UTF-8; a BOM is dropped. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

async function readPdf(bytes: Uint8Array, fileName: string, limits: ReadLimits): Promise<ExtractedText> {
  if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw new MotebotError('corrupt_file', `«${fileName}» er ikke en gyldig PDF-fil.`);
  try {
    const { text, pageStarts } = await pdfToText(bytes, {
      maxPages: limits.maxPages,
      tooMany: (pages) => tooMuch(fileName, `har ${pages} sider; høyst ${limits.maxPages} leses`),
    });
    if (!text.trim()) {
      throw new MotebotError(
        'empty_file',
        `«${fileName}» har ikke noe tekstlag (skannet dokument?), så teksten kan ikke leses.`,
      );
    }
    return { format: 'pdf', text, pageStarts };
  } catch (err) {
    if (err instanceof MotebotError) throw err;
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw new MotebotError(
        'encrypted_file',
        `«${fileName}» er kryptert (passordbeskyttet) og kan ikke leses.`,
        { cause: err },
      );
    }
    throw new MotebotError('corrupt_file', `«${fileName}» er skadet og kan ikke leses som PDF.`, {
      cause: err,
    });
  }
}

async function readDocx(bytes: Uint8Array, fileName: string, limits: ReadLimits): Promise<ExtractedText> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new MotebotError(
      'encrypted_file',
      `«${fileName}» er kryptert (passordbeskyttet) og kan ikke leses.`,
    );
  }
  const unzip = checkUnzippedSize(bytes, limits.maxUnzippedBytes);
  if (!unzip.ok && unzip.reason === 'not_zip')
    throw new MotebotError('corrupt_file', `«${fileName}» er skadet og kan ikke leses som Word-dokument.`);
  if (!unzip.ok) {
    const size = Number.isFinite(unzip.declared) ? ` til ${megabytes(unzip.declared)} MB` : '';
    throw new MotebotError(
      'too_much_content',
      `«${fileName}» pakkes ut${unzip.entry ? ' til mer enn den oppgir' : size}; største tillatte er ${megabytes(limits.maxUnzippedBytes)} MB utpakket, så filen leses ikke inn.`,
    );
  }
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const text = htmlToText(value);
    if (!text.trim()) throw new MotebotError('empty_file', `«${fileName}» inneholder ingen tekst.`);
    return { format: 'docx', text };
  } catch (err) {
    if (err instanceof MotebotError) throw err;
    throw new MotebotError('corrupt_file', `«${fileName}» er skadet og kan ikke leses som Word-dokument.`, {
      cause: err,
    });
  }
}

/** Throws when a file of this name and size would be refused, before its bytes are read. */
export function checkFile(
  fileName: string,
  size: number,
  maxBytes = DEFAULT_LIMITS.maxBytes,
): DocumentFormat {
  const format = requireFormat(fileName);
  if (size > maxBytes) throw tooLarge(fileName, size, maxBytes);
  return format;
}

export async function extractText(
  bytes: Uint8Array,
  fileName: string,
  opts: Partial<ReadLimits> = {},
): Promise<ExtractedText> {
  const limits = { ...DEFAULT_LIMITS, ...opts };
  const format = checkFile(fileName, bytes.length, limits.maxBytes);
  if (!bytes.length) throw new MotebotError('empty_file', `«${fileName}» er tom.`);
  let result: ExtractedText;
  if (format === 'pdf') result = await readPdf(bytes, fileName, limits);
  else if (format === 'docx') result = await readDocx(bytes, fileName, limits);
  else {
    if (format !== 'html' && leastTextLength(bytes) > limits.maxTextChars) throw tooLong(fileName, limits);
    const text = decodeText(bytes);
    result = { format, text: format === 'html' ? htmlToText(text) : text.replace(/^\uFEFF/, '') };
  }
  if (!result.text.trim()) throw new MotebotError('empty_file', `«${fileName}» inneholder ingen tekst.`);
  if (result.text.length > limits.maxTextChars) throw tooLong(fileName, limits);
  return result;
}

/**
 * The bytes of a document on disk, refused before they are read when its type or size would be;
 * a file that cannot be read is named with why, in bokmål.
 */
export async function readDocumentBytes(filePath: string, maxBytes?: number): Promise<Uint8Array> {
  const fileName = path.basename(filePath);
  requireFormat(fileName);
  let handle;
  try {
    checkFile(fileName, (await stat(filePath)).size, maxBytes);
    handle = await open(filePath, 'r');
    const bytes = await handle.readFile();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    if (err instanceof MotebotError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'finnes ikke'
        : code === 'EACCES'
          ? 'kan ikke leses (mangler tilgang)'
          : 'kan ikke leses';
    throw new MotebotError('unreadable_file', `«${fileName}» ${reason}.`, { cause: err });
  } finally {
    await handle?.close();
  }
}

/** A document on disk read in this process: for tests and tools that read trusted files. */
export async function readDocument(filePath: string, opts: Partial<ReadLimits> = {}): Promise<ExtractedText> {
  return extractText(await readDocumentBytes(filePath, opts.maxBytes), path.basename(filePath), opts);
}
