import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SQLITE_COUNT_FILL } from '../../migrations/1764400000000-SearchCounts.js';
import { Role } from '../src/modules/account/account.enums.js';
import { integration, ref, signedIn, totpUser, UPSERT_CLIENT, UPSERT_DOSSIER } from './factories.js';
import { Browser, HIGH_LIMITS, ok, startPortal, type TestPortal } from './harness.js';

const PASSWORD = 'Zonnebloem-Akte-42';
const LIST = `query($filter: DossierFilter, $first: Int, $after: String) { dossiers(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number description status { code } } } } }`;
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string; number: string; description: string; status: { code: string } } }[] };

describe('dossier lists: search, filters, statuses that occur, keyset paging', () => {
  let tp: TestPortal;
  let browser: Browser;
  let api: Browser;
  const numbers = (page: Page) => page.edges.map((e) => e.node.number).sort();
  const list = async (filter: Record<string, unknown> | null, first?: number, after?: string) =>
    ok<{ dossiers: Page }>(await browser.gql(LIST, { filter, first, after })).dossiers;
  const dossier = (clientId: string, number: string, description: string, statusCode = 'IN_PROGRESS') =>
    api.gql(UPSERT_DOSSIER, { input: { externalRef: ref('DOS'), number, description, statusCode, handlerName: 'mr. Eva Mulder', clientIds: [clientId] } }).then((r) => ok(r).upsertDossier);

  before(async () => {
    tp = await startPortal(HIGH_LIMITS);
    api = await integration(tp);
    const company = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: 'Bakkerij De Zwaan B.V.', isCompany: true } })).upsertClient;
    const other = ok(await api.gql(UPSERT_CLIENT, { input: { externalRef: ref('CL'), name: 'Ander B.V.', isCompany: true } })).upsertClient;
    ({ browser } = await signedIn(tp, PASSWORD, { clientId: company.id, role: Role.COMPANY_MAIN }));
    await dossier(company.id, '2026.0101', 'Levering woning Dorpsstraat 1 te Utrecht');
    tp.clock.advance(1000);
    await dossier(company.id, '2026.0102', 'Levering bedrijfspand Kerkstraat 5', 'WAITING_FOR_CLIENT');
    tp.clock.advance(1000);
    await dossier(company.id, '2026.0203', 'Overname café De Zwaan', 'COMPLETED');
    // 20 more with the common word; ten of them at the same instant, so paging must break ties by id.
    for (let i = 0; i < 20; i++) {
      if (i % 2 === 0 && i >= 10) tp.clock.advance(1000);
      await dossier(company.id, `2025.${String(i).padStart(4, '0')}`, `Levering appartement ${i} Zeeweg`);
    }
    // Another company's dossier matches every search here; it must never show.
    await dossier(other.id, '2026.0104', 'Levering café De Zwaan Dorpsstraat Kerkstraat', 'ARCHIVED');
  });
  after(async () => { await tp.close(); });

  it('counts on the home page cover only the dossiers of the caller', async () => {
    assert.deepEqual(ok(await browser.gql('{ home { dossiersInProgress dossiersTotal } }')).home, { dossiersInProgress: 22, dossiersTotal: 23 });
  });

  it('searches the dossier number by prefix', async () => {
    assert.deepEqual(numbers(await list({ search: '2026.01' })), ['2026.0101', '2026.0102']);
    assert.deepEqual(numbers(await list({ search: '2026.0203' })), ['2026.0203']);
    assert.equal((await list({ search: '2026' })).totalCount, 3);
    assert.equal((await list({ search: '%' })).totalCount, 0, 'LIKE wildcards are escaped');
    assert.equal((await list({ search: '_026.0101' })).totalCount, 0, 'LIKE wildcards are escaped');
  });

  it('searches words of the description: a common and a rare word, all words, word prefixes, any case', async () => {
    const common = await list({ search: 'levering' }, 100);
    assert.equal(common.totalCount, 22);
    assert.equal(common.edges.length, 22);
    assert.deepEqual(numbers(await list({ search: 'Zwaan' })), ['2026.0203']);
    assert.deepEqual(numbers(await list({ search: 'levering kerkstraat' })), ['2026.0102'], 'every word must occur');
    assert.deepEqual(numbers(await list({ search: 'DORPS' })), ['2026.0101'], 'a word prefix matches');
    assert.equal((await list({ search: 'kerkstraat dorpsstraat' })).totalCount, 0);
    assert.equal((await list({ search: 'notaris' })).totalCount, 0);
  });

  it('ignores diacritics both ways', async () => {
    assert.deepEqual(numbers(await list({ search: 'cafe' })), ['2026.0203']);
    assert.deepEqual(numbers(await list({ search: 'CAFÉ zwaan' })), ['2026.0203']);
    assert.deepEqual(numbers(await list({ search: 'ütrecht' })), ['2026.0101']);
  });

  it('filters on statuses and on active / closed, alone and with a search', async () => {
    assert.deepEqual(numbers(await list({ statusCodes: ['WAITING_FOR_CLIENT', 'COMPLETED'] })), ['2026.0102', '2026.0203']);
    assert.equal((await list({ statusCodes: ['ARCHIVED'] })).totalCount, 0, 'the other company\'s archived dossier stays hidden');
    assert.equal((await list({ active: true }, 100)).totalCount, 22);
    assert.ok((await list({ active: true }, 100)).edges.every((e) => e.node.status.code !== 'COMPLETED'));
    assert.deepEqual(numbers(await list({ active: false })), ['2026.0203']);
    assert.deepEqual(numbers(await list({ active: true, search: '2026.0' })), ['2026.0101', '2026.0102']);
    assert.deepEqual(numbers(await list({ active: false, search: 'levering' })), []);
    assert.deepEqual(numbers(await list({ statusCodes: ['IN_PROGRESS'], search: 'dorpsstraat' })), ['2026.0101']);
  });

  it('offers only the statuses that occur among the caller\'s dossiers, in catalogue order', async () => {
    const { dossierStatuses } = ok(await browser.gql('{ dossierStatuses { code label active } }'));
    assert.deepEqual(dossierStatuses, [
      { code: 'IN_PROGRESS', label: 'In behandeling', active: true },
      { code: 'WAITING_FOR_CLIENT', label: 'Wacht op u', active: true },
      { code: 'COMPLETED', label: 'Afgerond', active: false },
    ]);
  });

  it('pages with first/after, newest first, without duplicates or gaps, totalCount on every page', async () => {
    const all = await list(null, 100);
    assert.equal(all.edges.length, 23);
    assert.equal(all.pageInfo.hasNextPage, false);
    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await list(null, 10, after);
      assert.equal(page.totalCount, 23);
      assert.equal(page.pageInfo.endCursor, page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((e) => e.node.id));
      sizes.push(page.edges.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    assert.deepEqual(sizes, [10, 10, 3]);
    assert.deepEqual(seen, all.edges.map((e) => e.node.id), 'same order as one big page, no duplicates, no gaps');
    assert.deepEqual(all.edges.slice(0, 2).map((e) => e.node.number).sort(), ['2025.0018', '2025.0019'], 'newest first (these two opened at the same, latest instant)');
    assert.equal(all.edges.at(-1)!.node.number, '2026.0101', 'oldest last');

    // Paging a search with a page size that splits the tie of ten dossiers opened at the same instant.
    const found: string[] = [];
    after = undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await list({ search: 'levering' }, 3, after);
      assert.equal(page.totalCount, 22);
      found.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    assert.equal(found.length, 22);
    assert.equal(new Set(found).size, 22);
  });

  it('refuses documents and messages under the dossiers list (asked per dossier instead), whatever the page sizes', async () => {
    const nested = await browser.gql('query($n: Int) { dossiers(first: $n) { edges { node { id messages(first: $n) { totalCount } documents(category: DOCUMENT, first: $n) { totalCount } } } } }', { n: 100 });
    assert.equal(nested.data, null);
    assert.ok(nested.errors?.length);
    assert.ok(nested.errors!.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.fields[0].message === 'ASK_PER_DOSSIER'));
    const first = (await list(null, 1)).edges[0].node.id;
    const single = ok(await browser.gql('query($id: ID!) { dossier(id: $id) { messages(first: 100) { totalCount } documents(category: DOCUMENT, first: 100) { totalCount } } }', { id: first }));
    assert.equal(typeof single.dossier.messages.totalCount, 'number', 'per dossier it works, with page sizes up to 100 written out');
  });

  it('refuses a cursor it did not issue and page sizes outside 1..100', async () => {
    const forged = Buffer.from(JSON.stringify({ at: 1 })).toString('base64url');
    for (const after of ['garbage', forged, Buffer.from('["not a date","x"]').toString('base64url')]) {
      const response = await browser.gql(LIST, { after });
      assert.equal(Browser.code(response), 'BAD_USER_INPUT', after);
      assert.deepEqual(response.errors?.[0].extensions?.fields, [{ field: 'after', message: 'INVALID_CURSOR' }]);
    }
    for (const first of [0, 101]) assert.equal(Browser.code(await browser.gql(LIST, { first })), 'BAD_USER_INPUT');
  });

  it('an update of the description is found by the new words, not the old ones', async () => {
    const clientIds = [await companyId()];
    const externalRef = ref('DOS');
    const input = { externalRef, number: '2026.0999', statusCode: 'IN_PROGRESS', clientIds };
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, description: 'Schenking aan kleinkind' } }));
    assert.deepEqual(numbers(await list({ search: 'schenking' })), ['2026.0999']);
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, description: 'Testament en levenstestament' } }));
    assert.deepEqual(numbers(await list({ search: 'levenstestament' })), ['2026.0999']);
    assert.equal((await list({ search: 'schenking' })).totalCount, 0);
  });

  it('a search follows access and status changes at once: revoked, granted again, moved to a closed status', async () => {
    const company = await companyId();
    const [other] = await tp.portal.app.sql.rows<{ id: string }>("SELECT id FROM client WHERE name = 'Ander B.V.'");
    const input = { externalRef: ref('DOS'), number: '2026.0777', description: 'Verdeling nalatenschap Vondelpark', statusCode: 'IN_PROGRESS', clientIds: [company] };
    // Two words are counted by the full-text index; one word on SQLite by its stored counts (SearchCounts): both must follow.
    const found = async (filter: Record<string, unknown> = {}) => {
      const [page, one] = [await list({ search: 'nalatenschap vondel', ...filter }), await list({ search: 'vondelpark', ...filter })];
      assert.deepEqual({ count: one.totalCount, numbers: numbers(one) }, { count: page.totalCount, numbers: numbers(page) }, 'one word counts as two');
      return { count: page.totalCount, numbers: numbers(page) };
    };
    ok(await api.gql(UPSERT_DOSSIER, { input }));
    assert.deepEqual(await found(), { count: 1, numbers: ['2026.0777'] });
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [other.id] } }));
    assert.deepEqual(await found(), { count: 0, numbers: [] }, 'revoked: neither listed nor counted');
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [other.id, company] } }));
    assert.deepEqual(await found(), { count: 1, numbers: ['2026.0777'] }, 'granted again');
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [other.id, company], statusCode: 'COMPLETED' } }));
    assert.deepEqual(await found({ active: true }), { count: 0, numbers: [] });
    assert.deepEqual(await found({ active: false }), { count: 1, numbers: ['2026.0777'] });
    assert.deepEqual(await found({ statusCodes: ['COMPLETED'] }), { count: 1, numbers: ['2026.0777'] });
    ok(await api.gql(UPSERT_DOSSIER, { input: { ...input, clientIds: [other.id] } }));
    assert.deepEqual(await found({ active: false }), { count: 0, numbers: [] });
  });

  it('a search pages and counts exactly like the filtered list it narrows (ties within a second, both sides)', async () => {
    const { browser: staff } = await totpUser(tp, PASSWORD, { role: Role.STAFF });
    const searches: Record<string, unknown>[] = [
      { search: 'levering' }, { search: 'LEVERING zeeweg' }, { search: 'cafe' }, { search: 'dorps' }, { search: '2025.001' }, { search: '2026' },
      { search: 'levering', active: true }, { search: 'levering', statusCodes: ['IN_PROGRESS', 'ARCHIVED'] }, { search: 'levering', active: false },
      { search: '%' }, { search: 'notaris' }, { search: 'lev app' },
    ];
    // Every page of size 4 (splitting the tie of ten dossiers opened at the same instant) and the count on each.
    const pages = async (who: Browser, filter: Record<string, unknown>) => {
      const out: { count: number; ids: string[] }[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = ok<{ dossiers: Page }>(await who.gql(LIST, { filter, first: 4, after })).dossiers;
        out.push({ count: page.totalCount, ids: page.edges.map((e) => e.node.id) });
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      return out;
    };
    // The same search by hand: a number prefix, or every word a prefix of a word of the description.
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const found = (search: string, d: Page['edges'][number]['node']) => {
      const words = fold(d.description).match(/[\p{L}\p{N}]+/gu) ?? [];
      const terms = fold(search).match(/[\p{L}\p{N}]+/gu) ?? [];
      return d.number.startsWith(search.toUpperCase()) || (terms.length > 0 && terms.every((t) => words.some((w) => w.startsWith(t))));
    };
    let compared = 0;
    for (const who of [browser, staff]) {
      for (const { search, ...rest } of searches) {
        const all = ok<{ dossiers: Page }>(await who.gql(LIST, { filter: rest, first: 100 })).dossiers.edges.map((e) => e.node);
        const ids = all.filter((d) => found(String(search), d)).map((d) => d.id);
        const expected = [];
        for (let i = 0; i === 0 || i < ids.length; i += 4) expected.push({ count: ids.length, ids: ids.slice(i, i + 4) });
        assert.deepEqual(await pages(who, { search, ...rest }), expected, JSON.stringify({ search, ...rest }));
        compared += ids.length;
      }
    }
    assert.ok(compared > 100, `${compared} hits compared`);
    const levering = await pages(staff, { search: 'levering' });
    assert.equal(levering[0].count, 23, 'staff also sees the other company\'s dossier');
  });

  it('keeps the stored word counts of SQLite exact through every change, a deleted dossier and its grants included', async (t) => {
    const { sql, ds } = tp.portal.app;
    if (!sql.sqlite) return t.skip('SQLite only: MariaDB counts a word as a range of dossier_word');
    const [doomed] = await sql.rows<{ id: string }>("SELECT id FROM dossier WHERE number = '2026.0104'");
    await ds.query('DELETE FROM dossier WHERE id = ?', [doomed.id]);
    assert.equal((await sql.rows('SELECT 1 FROM dossier_client WHERE dossierId = ?', [doomed.id])).length, 0, 'its grants went with it');
    const stored = await sql.rows('SELECT scope, word, statusCode, n FROM dossier_word_count ORDER BY scope, word, statusCode');
    await ds.query('CREATE TEMP TABLE fresh_word_count AS SELECT * FROM dossier_word_count WHERE 0');
    await ds.query(SQLITE_COUNT_FILL.replace('INSERT INTO dossier_word_count', 'INSERT INTO fresh_word_count'));
    assert.deepEqual(stored, await ds.query('SELECT scope, word, statusCode, n FROM fresh_word_count ORDER BY scope, word, statusCode'));
    await ds.query('DROP TABLE fresh_word_count');
    const levering = await sql.rows<{ n: number }>("SELECT SUM(n) AS n FROM dossier_word_count WHERE scope = '' AND word = 'levering'");
    assert.equal(Number(levering[0].n), 22, 'the office counts every dossier with the word once, the deleted one no more');
    assert.equal((await sql.rows("SELECT 1 FROM dossier_word_count WHERE n <= 0")).length, 0, 'no row of a word no dossier holds');
  });

  async function companyId(): Promise<string> {
    const [row] = await tp.portal.app.sql.rows<{ id: string }>("SELECT id FROM client WHERE name = 'Bakkerij De Zwaan B.V.'");
    return row.id;
  }
});
