import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { signToken } from '@rg/access';
import { childrenOf } from '@rg/regions';
import type { GraphQLResponse } from '@rg/dev-postgres';
import { startStackHarness, E2E_TRAINEES, type StackHarness } from './stack-harness';
import { offHostRequests, startBrowser, type BrowserHarness } from './browser/browser-harness';

/** How the workbench shows each indicator: the test formats the API's numbers itself and compares the text on screen. */
const INDICATOR_FORMATS: Record<string, 'count' | 'percent' | 'decimal'> = {
  trained: 'count', passRate: 'percent', openingRate6m: 'percent', jobsPerVenture: 'decimal', survivalRate1y: 'percent',
  loansIssuedYuan: 'count', newParks: 'count', poorTraineeShare: 'percent', poorWomenTrainees: 'count',
  poorWomenSupportedShare: 'percent', storiesPublished: 'count', womenSupportCasesOpened: 'count',
  poorBorrowerShare: 'percent', poorWomenBorrowers: 'count', poorFounderShare: 'percent', poorWomenFounders: 'count',
  poorParkEntrantShare: 'percent', returneeVentures: 'count', trainedFounderShare: 'percent',
};
const NOT_AVAILABLE = 'not available to your role';
/** A CodeMirror 5 editor's element, as GraphiQL's editors are: the editor hangs on it. */
type EditorElement = Element & { CodeMirror?: { getValue(): string } };

function shown(value: number | null, format: 'count' | 'percent' | 'decimal'): string {
  if (value === null) return '—';
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'decimal') return value.toFixed(2);
  return Math.round(value).toLocaleString('zh-CN');
}

async function tableText(page: Page, testId: string): Promise<{ columns: string[]; rows: string[][] }> {
  return page.$eval(`[data-testid=${testId}]`, (table) => ({
    columns: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('data-column') ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  }));
}

/** A file cell as the table shows it: empty is a dash. */
const asShown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));

jest.setTimeout(300_000);

describe('the workbench and the explorer in a real browser (Debian chromium)', () => {
  let harness: StackHarness;
  let web: BrowserHarness;
  let origin: string;
  let analyst: string;

  beforeAll(async () => {
    // A machine busy with other suites can keep a department from answering /ready within the
    // stack's minute; a second start then finds it less busy. The failed start stops what it started.
    for (let attempt = 1; !harness; attempt++) {
      try {
        harness = await startStackHarness();
      } catch (error) {
        if (attempt >= 3 || !/was not ready within/.test(String(error))) throw error;
      }
    }
    web = await startBrowser();
    origin = new URL(harness.stack.gatewayUrl).origin;
    analyst = await signToken('analyst');
  }, 600_000);
  afterAll(async () => {
    await web?.close();
    await harness?.stop();
  });

  it('serves GraphiQL to a browser at /graphql with the README queries as tabs, a development role picker and the schema docs', async () => {
    const { page, pageErrors } = await web.open(`${origin}/graphql`);
    await page.waitForSelector('.graphiql-container');
    const readmeQueries = readdirSync(path.resolve(__dirname, '../../operations')).filter((f) => f.startsWith('readme-'));
    expect(readmeQueries.length).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.graphiql-tab').count()).toBe(readmeQueries.length);
    // Each tab is titled by its operation's name (GraphiQL's "<untitled>" for an anonymous one).
    const operationNames = readmeQueries.map((file) => /^query (\w+)/m.exec(readFileSync(path.resolve(__dirname, '../../operations', file), 'utf8'))?.[1]);
    expect(operationNames).not.toContain(undefined);
    expect((await page.locator('.graphiql-tab .graphiql-tab-button').allTextContents()).map((title) => title.trim()).sort()).toEqual([...operationNames].sort());
    await page.selectOption('select[name=dev-role]', 'analyst');
    await page.waitForFunction(() => document.querySelector('[data-testid=session-state]')?.textContent?.includes('analyst'));
    // GraphiQL loads its editors (CodeMirror) after its first render, and until both exist its
    // Run button does nothing: a click on a busy machine before then left the response empty.
    // A user presses Run once the query shows; so does the test.
    await page.waitForFunction(() => /^query \w+/m.test(document.querySelector<EditorElement>('.graphiql-query-editor .CodeMirror')?.CodeMirror?.getValue() ?? ''));
    await page.waitForSelector('.graphiql-response .CodeMirror');
    await page.click('.graphiql-execute-button');
    // Any answer ends the wait, so an error shows in the assertion below rather than as a timeout.
    await page.waitForFunction(() => (document.querySelector<EditorElement>('.graphiql-response .CodeMirror')?.CodeMirror?.getValue() ?? '').trim() !== '');
    const response = JSON.parse(await page.locator('.graphiql-response .CodeMirror').evaluate((el: EditorElement) => el.CodeMirror?.getValue() ?? ''));
    expect(response.errors).toBeUndefined();
    expect(response.data.scorecard.trained.target).toBe(1500);
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer >> text=Query');
    await web.screenshot(page, 'explorer');
    expect(pageErrors).toEqual([]);

    const explorer = await fetch(`${origin}/explorer/`);
    expect(explorer.status).toBe(200);
    expect(explorer.headers.get('content-security-policy')).toContain("default-src 'self'");
    const api = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it("shows Xuzhou's 2019 scorecard exactly as the API answers it, with the five-year chart", async () => {
    const { page, pageErrors } = await web.open(`${origin}/workbench/#scorecard`, { token: analyst });
    await page.waitForSelector('[data-testid=scorecard-table] tbody tr');
    await page.waitForSelector('[data-testid=scorecard-chart][data-drawn]');
    expect(await page.locator('h2').first().textContent()).toContain('徐州市 2019');
    const fields = Object.keys(INDICATOR_FORMATS);
    const answer = await harness.query(`{ scorecard(regionCode: "320300", year: 2019) { ${fields.map((f) => `${f} { value target met }`).join(' ')} } }`, {}, 'analyst');
    expect(answer.errors).toBeUndefined();
    for (const field of fields) {
      const api = answer.data.scorecard[field];
      const row = page.locator(`[data-testid=scorecard-table] tr[data-row=${field}]`);
      expect([field, await row.locator('td[data-column=value]').textContent()]).toEqual([field, shown(api.value, INDICATOR_FORMATS[field])]);
      expect([field, await row.locator('td[data-column=target]').textContent()]).toEqual([field, shown(api.target, INDICATOR_FORMATS[field])]);
      expect([field, await row.locator('td[data-column=met]').textContent()]).toEqual([field, api.met === null ? '— 无目标' : api.met ? '✔ 达标' : '✖ 未达标']);
    }
    await web.screenshot(page, 'scorecard');

    // The first screen asked for 2019 and the chart's indicator only; another year and another
    // charted indicator come from the rest of the five years, asked for after the chart was drawn.
    const earlier = await harness.query('{ scorecard(regionCode: "320300", year: 2017) { trained { value } passRate { value } } }', {}, 'analyst');
    expect(earlier.errors).toBeUndefined();
    await page.selectOption('[data-testid=chart-indicator]', 'passRate');
    await page.selectOption('[data-testid=year]', '2017');
    await page.waitForFunction(() => document.querySelector('h2')?.textContent?.includes('2017'));
    const trained2017 = page.locator('[data-testid=scorecard-table] tr[data-row=trained] td[data-column=value]');
    await page.waitForFunction((text) => document.querySelector('[data-testid=scorecard-table] tr[data-row=trained] td[data-column=value]')?.textContent === text,
      shown(earlier.data.scorecard.trained.value, 'count'));
    expect(await trained2017.textContent()).toBe(shown(earlier.data.scorecard.trained.value, 'count'));
    expect(await page.locator('[data-testid=scorecard-table] tr[data-row=passRate] td[data-column=value]').textContent())
      .toBe(shown(earlier.data.scorecard.passRate.value, 'percent'));
    expect(pageErrors).toEqual([]);
  });

  it('compares the 13 cities on the map and all ten counties of Xuzhou (with its development zone)', async () => {
    const { page, pageErrors } = await web.open(`${origin}/workbench/#compare`, { token: analyst });
    await page.waitForSelector('[data-testid=compare-map][data-drawn]');
    expect(await page.locator('[data-testid=compare-table] tbody tr').count()).toBe(13);
    await web.screenshot(page, 'compare-cities');

    await page.selectOption('[data-testid=compare-scope]', '320300');
    // Xuzhou's ten counties and districts, and the development zone (320371) the code table lists beside them.
    const xuzhou = childrenOf('320300');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=compare-table] tbody tr').length === n || document.querySelector('.error'), xuzhou.length);
    expect(await page.locator('.error').allTextContents()).toEqual([]);
    const { rows, columns } = await tableText(page, 'compare-table');
    expect(rows.map((r) => r[columns.indexOf('code')]).sort()).toEqual(xuzhou.map((c) => c.code).sort());
    expect(rows.map((r) => r[columns.indexOf('name')]).sort()).toEqual(xuzhou.map((c) => c.name).sort());
    const counties = xuzhou.filter((c) => !c.name.endsWith('开发区')).map((c) => c.code);
    expect(counties).toEqual(['320302', '320303', '320305', '320311', '320312', '320321', '320322', '320324', '320381', '320382']);
    for (const code of counties) expect(rows.map((r) => r[columns.indexOf('code')])).toContain(code);
    await page.waitForSelector('[data-testid=compare-bars][data-drawn]');
    await web.screenshot(page, 'compare-counties');
    expect(pageErrors).toEqual([]);
  });

  it("shows Xuzhou's twelve months of 2019 as the API answers them", async () => {
    const { page, pageErrors } = await web.open(`${origin}/workbench/#monthly`, { token: analyst });
    await page.waitForSelector('[data-testid=monthly-chart][data-drawn]');
    const answer = await harness.query('{ monthlyStatistics(regionCode: "320300", year: 2019) { month trained loansIssuedYuan } }', {}, 'analyst');
    expect(answer.errors).toBeUndefined();
    const { rows, columns } = await tableText(page, 'monthly-table');
    expect(rows.map((r) => r[columns.indexOf('month')])).toEqual(answer.data.monthlyStatistics.map((m: { month: number }) => `${m.month} 月`));
    for (const field of ['trained', 'loansIssuedYuan']) {
      expect(rows.map((r) => r[columns.indexOf(field)])).toEqual(answer.data.monthlyStatistics.map((m: Record<string, number | null>) => shown(m[field], 'count')));
    }
    await web.screenshot(page, 'monthly');
    expect(pageErrors).toEqual([]);
  });

  it("shows an analyst 'not available to your role' in the name column, and exports CSV and XLSX that read back to the rows on screen", async () => {
    const { page, pageErrors } = await web.open(`${origin}/workbench/#records`, { token: analyst });
    await page.waitForSelector('[data-testid=records-table] tbody tr');
    const screen = await tableText(page, 'records-table');
    const name = screen.columns.indexOf('name');
    expect(screen.rows.length).toBe(20);
    for (const row of screen.rows) expect(row[name]).toContain(NOT_AVAILABLE);
    for (const row of screen.rows) expect(row[screen.columns.indexOf('personKey')]).toMatch(/^pk_/);
    expect(await page.locator('[data-testid=records-total]').textContent()).toContain(String(E2E_TRAINEES));
    await web.screenshot(page, 'records-analyst');

    const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click('[data-testid=export-csv]')]);
    const csvBytes = readFileSync(await csvDownload.path());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv: string[][] = parse(csvBytes, { bom: true });
    expect(csv.length - 1).toBe(E2E_TRAINEES); // every page, 500 rows a request
    expect(csv[0][name]).toBe('姓名 (name)');
    expect(csv.slice(1, 21).map((r) => r.map(asShown))).toEqual(screen.rows);
    // Pages asked for several at once still come in the list's order, each row once; the name, refused to the role, in every row.
    const personKeys: string[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const answer: GraphQLResponse = await harness.query('query($after: String) { trainees(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node { personKey } } } }', { after }, 'analyst');
      personKeys.push(...answer.data.trainees.edges.map((e: { node: { personKey: string } }) => e.node.personKey));
      ({ hasNextPage: more, endCursor: after } = answer.data.trainees.pageInfo);
    }
    expect(csv.slice(1).map((r) => r[screen.columns.indexOf('personKey')])).toEqual(personKeys);
    expect(csv.slice(1).filter((r) => !r[name].includes(NOT_AVAILABLE))).toEqual([]);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click('[data-testid=export-xlsx]')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount - 1).toBe(E2E_TRAINEES);
    const xlsxRows: string[][] = [];
    for (let r = 2; r <= 21; r++) xlsxRows.push(screen.columns.map((_, c) => asShown(sheet.getRow(r).getCell(c + 1).value)));
    expect(xlsxRows).toEqual(screen.rows);
    expect(pageErrors).toEqual([]);
  });

  it('offers no file for a cancelled export, and asks for a new token when it expires while the page is open', async () => {
    const { page } = await web.open(`${origin}/workbench/#records`, { token: analyst });
    await page.waitForSelector('[data-testid=records-table] tbody tr');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.route('**/graphql', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue().catch(() => undefined); // the page may have aborted it
    });
    await page.click('[data-testid=export-csv]');
    await page.click('[data-testid=export-cancel]');
    await page.waitForSelector('[data-testid=export-interrupted]');
    expect(await page.locator('[data-testid=export-complete]').count()).toBe(0);
    await page.unroute('**/graphql');

    // The page is open with rows on screen when its token runs out: a token valid for 3 s is pasted into the token field.
    const shortLived = await signToken('analyst', { expiresIn: '3s' });
    await page.fill('input[name=token]', shortLived);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=token-expired]', { timeout: 30_000 });
    await page.click('[data-testid=export-csv]');
    await page.waitForFunction(() => document.querySelector('[data-testid=export-interrupted]')?.textContent?.includes('token expired'));
    expect(await page.locator('[data-testid=export-complete]').count()).toBe(0);
    await web.screenshot(page, 'token-expired');
    expect(downloads).toEqual([]);
  });

  it('made every request of every page to 127.0.0.1', () => {
    expect(web.requests.length).toBeGreaterThan(20);
    expect(offHostRequests(web.requests)).toEqual([]);
  });
});
