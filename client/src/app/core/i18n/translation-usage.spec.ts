import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nl } from './nl';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') && name !== 'generated.ts' ? [path] : [];
  });
}

describe('translation keys used in the code', () => {
  it('all exist in the Dutch texts', () => {
    const known = new Set(keysOf(nl));
    const sections = Object.keys(nl).join('|');
    const literal = new RegExp(`['"]((?:${sections})\\.[A-Za-z.]*[A-Za-z])['"]`, 'g');
    const appDir = join(process.cwd(), 'src', 'app');
    const missing: string[] = [];
    // Any literal t('…') key in a template (dynamic ones end in '.' and are skipped).
    const templateCall = /\bt\(\s*'([^']*[^'.])'/g;
    let found = 0;
    for (const file of sourceFiles(appDir)) {
      const source = readFileSync(file, 'utf8');
      for (const match of [...source.matchAll(literal), ...source.matchAll(templateCall)]) {
        found++;
        if (!known.has(match[1])) {
          missing.push(`${match[1]} (${file.slice(appDir.length + 1)})`);
        }
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
