import { fileExtension } from '../documents/file-kind';

/** `Query.uploadPolicy`: what the server accepts per upload request (it enforces it regardless). */
export interface UploadPolicy {
  /** Bytes per file. */
  maxFileSize: number;
  /** Files per request. */
  maxFiles: number;
  /** Lower-case extensions without the dot, e.g. "pdf"; empty = any. */
  allowedExtensions: readonly string[];
}

export type FileProblem = 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'TOO_MANY_FILES' | 'EMPTY' | 'DUPLICATE';

export interface RejectedFile {
  name: string;
  problem: FileProblem;
}

export interface FileSelection {
  accepted: File[];
  rejected: RejectedFile[];
}

/** Same name, size and modification time: the same file chosen twice. */
function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/**
 * Checks newly chosen files against the policy, given the files already chosen (which count
 * towards `maxFiles`). Accepted files keep their order; each rejected one says why.
 */
export function checkFiles(chosen: readonly File[], alreadyChosen: readonly File[], policy: UploadPolicy | null): FileSelection {
  const accepted: File[] = [];
  const rejected: RejectedFile[] = [];
  const allowed = new Set((policy?.allowedExtensions ?? []).map((e) => e.toLowerCase().replace(/^\./, '')));
  for (const file of chosen) {
    const problem = ((): FileProblem | null => {
      if ([...alreadyChosen, ...accepted].some((f) => sameFile(f, file))) return 'DUPLICATE';
      if (file.size === 0) return 'EMPTY';
      if (allowed.size > 0 && !allowed.has(fileExtension(file.name))) return 'TYPE_NOT_ALLOWED';
      if (policy && file.size > policy.maxFileSize) return 'TOO_LARGE';
      if (policy && alreadyChosen.length + accepted.length >= policy.maxFiles) return 'TOO_MANY_FILES';
      return null;
    })();
    if (problem) {
      rejected.push({ name: file.name, problem });
    } else {
      accepted.push(file);
    }
  }
  return { accepted, rejected };
}
