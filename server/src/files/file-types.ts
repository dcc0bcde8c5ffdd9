/**
 * Which files the portal accepts: by extension (UPLOAD_ALLOWED_TYPES) and by content, so a renamed
 * executable or script does not pass as a PDF. The content type we serve comes from this table, never
 * from what the uploader's browser claimed.
 */
interface FileType { contentType: string; matches: (head: Buffer) => boolean }

const startsWith = (...bytes: number[]) => (head: Buffer) => bytes.every((b, i) => head[i] === b);
const ascii = (text: string) => startsWith(...[...text].map((c) => c.charCodeAt(0)));
const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
const ole = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const tiff = (head: Buffer) => startsWith(0x49, 0x49, 0x2a, 0x00)(head) || startsWith(0x4d, 0x4d, 0x00, 0x2a)(head);
const heic = (head: Buffer) => head.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|mif1|msf1|heim|heis|hevc)$/.test(head.subarray(8, 12).toString('latin1'));
/** Text: valid UTF-8 (or plain ASCII) without NUL bytes or other binary control characters in the first bytes. */
function text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  // A multi-byte character cut at the end of the sample is fine; anything else must decode.
  const sample = head.subarray(0, Math.max(0, head.length - 3));
  return new TextDecoder('utf-8', { fatal: false }).decode(sample).indexOf('\uFFFD') === -1;
}
/** E-mail files: headers at the top (e.g. "Received:", "From:", "Return-Path:"). */
const eml = (head: Buffer) => text(head) && /^[A-Za-z][A-Za-z0-9-]*: /.test(head.toString('utf8', 0, 200));

const TYPES: Record<string, FileType> = {
  pdf: { contentType: 'application/pdf', matches: ascii('%PDF-') },
  doc: { contentType: 'application/msword', matches: ole },
  xls: { contentType: 'application/vnd.ms-excel', matches: ole },
  ppt: { contentType: 'application/vnd.ms-powerpoint', matches: ole },
  msg: { contentType: 'application/vnd.ms-outlook', matches: ole },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zip },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: zip },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: zip },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', matches: zip },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', matches: zip },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', matches: zip },
  zip: { contentType: 'application/zip', matches: zip },
  rtf: { contentType: 'application/rtf', matches: ascii('{\\rtf') },
  txt: { contentType: 'text/plain; charset=utf-8', matches: text },
  csv: { contentType: 'text/csv; charset=utf-8', matches: text },
  eml: { contentType: 'message/rfc822', matches: eml },
  jpg: { contentType: 'image/jpeg', matches: startsWith(0xff, 0xd8, 0xff) },
  jpeg: { contentType: 'image/jpeg', matches: startsWith(0xff, 0xd8, 0xff) },
  png: { contentType: 'image/png', matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  gif: { contentType: 'image/gif', matches: (h) => ascii('GIF87a')(h) || ascii('GIF89a')(h) },
  tif: { contentType: 'image/tiff', matches: tiff },
  tiff: { contentType: 'image/tiff', matches: tiff },
  heic: { contentType: 'image/heic', matches: heic },
};

/** Extensions the portal knows how to check; UPLOAD_ALLOWED_TYPES may name only these. */
export const KNOWN_TYPES = Object.keys(TYPES);

const extensionOf = (fileName: string) => /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1].toLowerCase() ?? '';

/** The content type to store and serve, or a reason to refuse the file. */
export function checkFileType(fileName: string, head: Buffer, allowed: string[]): { contentType: string } | { reason: 'TYPE_NOT_ALLOWED' | 'CONTENT_MISMATCH' } {
  const ext = extensionOf(fileName);
  const type = TYPES[ext];
  if (!type || !allowed.includes(ext)) return { reason: 'TYPE_NOT_ALLOWED' };
  return type.matches(head) ? { contentType: type.contentType } : { reason: 'CONTENT_MISMATCH' };
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control or
 * reserved characters, no leading dots, at most 200 characters (the extension kept).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_').replace(/^[.\s]+/, '').trim();
  if (cleaned.length <= 200) return cleaned || 'bestand';
  const ext = extensionOf(cleaned);
  return `${cleaned.slice(0, 200 - ext.length - 1)}.${ext}`;
}
