// A DOCX is a zip archive. Its central directory says how large each entry is once unpacked, so a
// file that would unpack into far more than it weighs (a zip bomb) is refused before any reader
// inflates it; and since a directory can lie, each entry is then inflated with that size as a hard
// cap before the reader gets to it.
import { inflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A size or offset too large for the classic fields (zip64): far beyond any meeting document. */
const ZIP64 = 0xffffffff;

/** The central directory's entries, or null when the bytes are not a readable zip archive. */
function entries(bytes: Uint8Array): Entry[] | 'zip64' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of at most 64 KB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === ZIP64) return 'zip64';
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    };
    if (entry.size === ZIP64 || entry.compressedSize === ZIP64) return 'zip64';
    out.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

export type UnzipCheck =
  | { ok: true }
  | { ok: false; reason: 'not_zip' }
  | { ok: false; reason: 'too_large'; declared: number; entry?: string };

/** Whether the archive unpacks into at most `maxBytes` in all: as declared, and in fact. */
export function checkUnzippedSize(bytes: Uint8Array, maxBytes: number): UnzipCheck {
  const list = entries(bytes);
  if (list === null) return { ok: false, reason: 'not_zip' };
  if (list === 'zip64') return { ok: false, reason: 'too_large', declared: Infinity };
  const declared = list.reduce((sum, e) => sum + e.size, 0);
  if (declared > maxBytes) return { ok: false, reason: 'too_large', declared };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of list) {
    if (e.method !== 8) continue;
    const h = e.headerOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL) return { ok: false, reason: 'not_zip' };
    const data = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    try {
      // One byte more than declared is enough to know the directory lied.
      const out = inflateRawSync(bytes.subarray(data, data + e.compressedSize), {
        maxOutputLength: e.size + 1,
      });
      if (out.length > e.size) return { ok: false, reason: 'too_large', declared, entry: e.name };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return { ok: false, reason: 'too_large', declared, entry: e.name };
      return { ok: false, reason: 'not_zip' };
    }
  }
  return { ok: true };
}
