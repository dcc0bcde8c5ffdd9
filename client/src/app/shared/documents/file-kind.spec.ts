import { FILE_KIND_ICONS, fileExtension, fileKind } from './file-kind';

describe('fileKind', () => {
  it('knows the common office types by content type', () => {
    expect(fileKind('application/pdf', 'akte')).toBe('pdf');
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x')).toBe('word');
    expect(fileKind('application/msword', 'x')).toBe('word');
    expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x')).toBe('excel');
    expect(fileKind('image/jpeg', 'x')).toBe('image');
    expect(fileKind('text/plain; charset=utf-8', 'x')).toBe('text');
  });

  it('falls back to the extension when the content type says nothing', () => {
    expect(fileKind('application/octet-stream', 'Concept akte.DOCX')).toBe('word');
    expect(fileKind('application/octet-stream', 'begroting.xlsx')).toBe('excel');
    expect(fileKind('', 'paspoort.PDF')).toBe('pdf');
    expect(fileKind('application/octet-stream', 'archief.zip')).toBe('other');
    expect(fileKind('application/octet-stream', 'zonder-extensie')).toBe('other');
  });

  it('has a distinct Material Symbols icon per kind', () => {
    expect(FILE_KIND_ICONS.pdf).toBe('picture_as_pdf');
    expect(new Set(Object.values(FILE_KIND_ICONS)).size).toBe(Object.keys(FILE_KIND_ICONS).length);
  });
});

describe('fileExtension', () => {
  it('is lower case, without the dot, empty for dot files and names without one', () => {
    expect(fileExtension('a.b.PDF')).toBe('pdf');
    expect(fileExtension('.bashrc')).toBe('');
    expect(fileExtension('README')).toBe('');
    expect(fileExtension('trailing.')).toBe('');
  });
});
