import type { EntityManager } from 'typeorm';
import type { App } from '../app-context.js';
import { inTransaction } from '../db/transaction.js';
import { DomainError } from '../graphql/errors.js';
import { checkFileType, safeFileName } from './file-types.js';
import type { IncomingUpload } from './multipart.js';
import { FileStore, FileTooLarge, type Received } from './storage.js';

/** A checked upload waiting in the temporary folder, with the key it will be stored under. */
export interface IncomingFile extends Received {
  fileName: string;
  contentType: string;
  storageKey: string;
}

type Reason = 'TYPE_NOT_ALLOWED' | 'CONTENT_MISMATCH' | 'TOO_LARGE' | 'EMPTY' | 'TOO_MANY_FILES' | 'UPLOAD_FAILED';
const rejected = (reason: Reason, fileName?: string) => new DomainError('FILE_REJECTED', { reason, ...(fileName ? { fileName } : {}) });

/**
 * The upload pipeline: each file has been streamed to a temporary file as it arrived (files/multipart.ts:
 * SHA-256 and size on the way, at most UPLOAD_MAX_MB); here it is checked by extension and content. Nothing
 * is visible yet; call `storeWithRows`. On any refusal every file received so far is deleted and
 * FILE_REJECTED names the reason and the file. Files of the request that no one places are deleted when the
 * response is done.
 */
export async function receiveUploads(app: App, uploads: Promise<IncomingUpload>[]): Promise<IncomingFile[]> {
  const { config } = app;
  if (uploads.length > config.UPLOAD_MAX_FILES) throw rejected('TOO_MANY_FILES');
  const incoming: IncomingFile[] = [];
  try {
    for (const upload of uploads) {
      const file = await upload;
      const fileName = safeFileName(file.filename);
      let received: Received;
      try {
        received = await file.received;
      } catch (error) {
        throw rejected(error instanceof FileTooLarge ? 'TOO_LARGE' : 'UPLOAD_FAILED', fileName);
      }
      const entry: IncomingFile = { ...received, fileName, contentType: '', storageKey: FileStore.newKey() };
      incoming.push(entry); // from here on the catch below deletes it
      if (received.size === 0) throw rejected('EMPTY', fileName);
      const type = checkFileType(fileName, received.head, config.uploadAllowedTypes);
      if ('reason' in type) throw rejected(type.reason, fileName);
      entry.contentType = type.contentType;
    }
    return incoming;
  } catch (error) {
    await Promise.all(incoming.map((f) => app.files.discard(f)));
    throw error;
  }
}

/**
 * Writes the rows for `files` and makes the files visible in one step: `write` inserts the rows in a
 * transaction, the files are renamed into place before it commits, and if anything fails the rows roll
 * back and placed files are removed. Either the rows and all files exist afterwards, or none of them.
 */
export async function storeWithRows<T>(app: App, files: IncomingFile[], write: (m: EntityManager) => Promise<T>): Promise<T> {
  const placed: string[] = [];
  try {
    return await inTransaction(app, async (m) => {
      const result = await write(m);
      for (const file of files) {
        await app.files.place(file, file.storageKey);
        placed.push(file.storageKey);
      }
      return result;
    });
  } catch (error) {
    await Promise.all(placed.map((key) => app.files.remove(key)));
    throw error;
  } finally {
    await Promise.all(files.map((f) => app.files.discard(f)));
  }
}
