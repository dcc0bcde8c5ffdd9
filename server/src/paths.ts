import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** server/ (this file compiles to server/dist/server/src/paths.js). */
export const serverRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const repoRoot = resolve(serverRoot, '..');
export const clientDist = resolve(repoRoot, 'client/dist/client/browser');
