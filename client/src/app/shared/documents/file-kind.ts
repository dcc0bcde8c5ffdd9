/** The kinds of file a document row shows a distinct icon for (seed 001: "Type document"). */
export type FileKind = 'pdf' | 'word' | 'excel' | 'image' | 'text' | 'other';

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  doc: 'word',
  docx: 'word',
  odt: 'word',
  rtf: 'word',
  xls: 'excel',
  xlsx: 'excel',
  ods: 'excel',
  csv: 'excel',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  heic: 'image',
  tif: 'image',
  tiff: 'image',
  bmp: 'image',
  txt: 'text',
  eml: 'text',
  msg: 'text',
};

/**
 * What kind of file a document is. The content type decides when it is specific; the file
 * name's extension otherwise (servers often answer `application/octet-stream`).
 */
export function fileKind(contentType: string, fileName: string): FileKind {
  const type = contentType.toLowerCase().split(';')[0].trim();
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/msword' || type.includes('wordprocessingml') || type === 'application/vnd.oasis.opendocument.text' || type === 'application/rtf') {
    return 'word';
  }
  if (type === 'application/vnd.ms-excel' || type.includes('spreadsheetml') || type === 'application/vnd.oasis.opendocument.spreadsheet' || type === 'text/csv') {
    return 'excel';
  }
  if (type === 'text/plain' || type === 'message/rfc822') return 'text';
  return BY_EXTENSION[fileExtension(fileName)] ?? 'other';
}

/** The lower-case extension without the dot; '' when there is none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** Material Symbols (outlined) ligatures from the bundled `material-symbols` font. */
export const FILE_KIND_ICONS: Readonly<Record<FileKind, string>> = {
  pdf: 'picture_as_pdf',
  word: 'description',
  excel: 'table_chart',
  image: 'image',
  text: 'article',
  other: 'draft',
};
