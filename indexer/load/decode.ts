import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string } | { ok: false; message: string; suggestion?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes of a content file to text. Court systems export Windows-1251 and some files are not text at
 * all; both become a problem that says so rather than mojibake or a crash further down.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { ok: false, message: 'not a text file (binary data: contains NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    if (looksLikeCp1251(bytes)) {
      return {
        ok: false,
        message: 'not UTF-8 (looks like Windows-1251)',
        suggestion: 're-save the file as UTF-8, e.g. `iconv -f cp1251 -t utf-8`',
      };
    }
    return { ok: false, message: 'not UTF-8 text' };
  }
}

/** Decoded as cp1251, is it mostly Cyrillic letters among the non-ASCII ones, without control codes? */
function looksLikeCp1251(bytes: Uint8Array): boolean {
  const text = iconv.decode(Buffer.from(bytes), 'win1251');
  let cyrillic = 0;
  let other = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') return false;
    if (code < 0x80) continue;
    if (/[\u0400-\u04FF]/.test(ch)) cyrillic++;
    else other++;
  }
  return cyrillic > 0 && cyrillic >= other * 4;
}
