import { checkFiles, type UploadPolicy } from './upload-policy';

const POLICY: UploadPolicy = { maxFileSize: 1000, maxFiles: 3, allowedExtensions: ['pdf', 'JPG'] };

/** A file that reports `size` without holding that many bytes. */
function file(name: string, size = 10, lastModified = 1): File {
  const f = new File(['x'], name, { lastModified });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('checkFiles', () => {
  it('accepts allowed files and says why it rejects the others', () => {
    const { accepted, rejected } = checkFiles(
      [file('a.pdf'), file('b.exe'), file('c.pdf', 1001), file('d.jpg'), file('leeg.pdf', 0)],
      [],
      POLICY,
    );
    expect(accepted.map((f) => f.name)).toEqual(['a.pdf', 'd.jpg']);
    expect(rejected).toEqual([
      { name: 'b.exe', problem: 'TYPE_NOT_ALLOWED' },
      { name: 'c.pdf', problem: 'TOO_LARGE' },
      { name: 'leeg.pdf', problem: 'EMPTY' },
    ]);
  });

  it('counts the files already chosen towards the maximum', () => {
    const { accepted, rejected } = checkFiles([file('b.pdf'), file('c.pdf')], [file('a.pdf'), file('z.pdf')], POLICY);
    expect(accepted.map((f) => f.name)).toEqual(['b.pdf']);
    expect(rejected).toEqual([{ name: 'c.pdf', problem: 'TOO_MANY_FILES' }]);
  });

  it('does not add the same file twice', () => {
    const a = file('a.pdf');
    expect(checkFiles([file('a.pdf')], [a], POLICY).rejected).toEqual([{ name: 'a.pdf', problem: 'DUPLICATE' }]);
  });

  it('accepts any type without an extension list, and anything without a policy but empty files', () => {
    expect(checkFiles([file('x.exe')], [], { ...POLICY, allowedExtensions: [] }).accepted).toHaveLength(1);
    expect(checkFiles([file('x.exe', 10 ** 9), file('e', 0)], [], null).rejected).toEqual([{ name: 'e', problem: 'EMPTY' }]);
  });
});
