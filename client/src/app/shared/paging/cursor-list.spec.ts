import { describe, expect, it } from 'vitest';
import { CursorList, type Connection } from './cursor-list';

const page = (ids: string[], next: string | null): Connection<{ id: string }> => ({
  edges: ids.map((id) => ({ node: { id } })),
  pageInfo: { hasNextPage: next !== null, endCursor: next },
});

describe('CursorList', () => {
  it('replaces on the first page, appends after a cursor, and ends without a next page', async () => {
    const asked: (string | null)[] = [];
    const pages = [page(['a', 'b'], 'c1'), page(['c'], null)];
    const list = new CursorList<{ id: string }>(async (after) => { asked.push(after); return pages.shift(); });
    await list.load(null);
    expect(list.items()?.map((i) => i.id)).toEqual(['a', 'b']);
    expect(list.endCursor()).toBe('c1');
    await list.load(list.endCursor());
    expect(list.items()?.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(list.endCursor()).toBeNull();
    expect(asked).toEqual([null, 'c1']);
    expect(list.loading()).toBe(false);
  });

  it('keeps what it showed and reports the error when a page fails; a later success clears it', async () => {
    let fail = false;
    const list = new CursorList<{ id: string }>(async () => {
      if (fail) throw new Error('network down');
      return page(['a'], 'c1');
    });
    await list.load(null);
    fail = true;
    await list.load('c1');
    expect(list.items()?.map((i) => i.id)).toEqual(['a']);
    expect(list.error()).not.toBeNull();
    expect(list.loading()).toBe(false);
    fail = false;
    await list.load(null);
    expect(list.error()).toBeNull();
  });
});
