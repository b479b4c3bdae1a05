import type { Browser, CDPSession } from 'playwright-core';
import type { Stack } from '@rg/infra';
import { DEPARTMENTS } from '@rg/access';
import { metricSum } from '@rg/dev-postgres';

/**
 * The workbench's first load, split: where the time from navigation to the scorecard's drawn
 * chart goes, read from the page's own Performance timeline (navigation and resource timing,
 * and the marks the workbench sets, see packages/workbench/src/workbench/timing.ts), and the
 * server's side of the scorecard request from the gateway's and the departments' /metrics.
 */
export interface FirstLoad {
  /** How long the new browser window took to settle before the navigation (not part of the load). */
  settleMs: number;
  /** Node's clock: from asking the browser to navigate until the chart is found drawn. */
  wallMs: number;
  /** The page's clock (0 = navigation start) at each point; null when the page did not reach it. */
  firstByte: number;
  domContentLoaded: number;
  /** The last of the page's scripts and styles fully arrived. */
  codeArrived: number;
  appStarted: number | null;
  viewCode: number | null;
  requestCalled: number | null;
  /** When the request went on the wire (after waiting for a connection, if it had to). */
  requestSent: number | null;
  answerFirstByte: number | null;
  answerReceived: number | null;
  chartDrawn: number;
  requests: number;
  bytes: number;
  /** Seconds the gateway and each department spent on the first scorecard request. */
  serverSeconds: Record<string, number>;
  /** SQL statements each department sent during the load, until the chart was found drawn (the first request's, and any asked after the drawing). */
  statements: Record<string, number>;
}

/**
 * The page's first scorecard request, by its operation name: the gateway's series carry it,
 * the departments' the names the gateway gives its fetches (`WorkbenchFirstScreen__hr__0`).
 */
export const FIRST_OPERATION = 'WorkbenchFirstScreen';

async function serverCounters(stack: Stack, operation: string): Promise<{ seconds: Record<string, number>; statements: Record<string, number> }> {
  const services: Record<string, string> = { gateway: stack.gatewayUrl.replace('/graphql', '/metrics') };
  for (const d of DEPARTMENTS) services[d] = stack.subgraphUrls[d].replace('/graphql', '/metrics');
  const seconds: Record<string, number> = {};
  const statements: Record<string, number> = {};
  await Promise.all(Object.entries(services).map(async ([service, url]) => {
    seconds[service] = await metricSum(url, 'graphql_request_duration_seconds_sum', { operation: new RegExp(`^${operation}(__|$)`) });
    if (service !== 'gateway') statements[service] = await metricSum(url, 'db_statements_total');
  }));
  return { seconds, statements };
}

const minus = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));

/** CPU seconds every chromium process has used so far (browser, renderers, GPU, network service). */
async function chromiumCpu(cdp: CDPSession): Promise<number> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
}

const QUIET_WINDOW_MS = 1000;
const QUIET_CPU_MS = 50;

/**
 * Waits until chromium itself is quiet: a new browser context opens a new window, and with it
 * chromium builds its own pages (the address bar's popup is a page of a few hundred modules:
 * 1–2 s of CPU). A person's browser has done that long before they open the workbench, so
 * the load is measured once chromium has used under 5% of a core for a second (at most 30 s).
 */
async function untilChromiumIsQuiet(cdp: CDPSession): Promise<number> {
  const t0 = performance.now();
  let last = await chromiumCpu(cdp);
  while (performance.now() - t0 < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    const now = await chromiumCpu(cdp);
    if ((now - last) * 1000 < QUIET_CPU_MS) break;
    last = now;
  }
  return performance.now() - t0;
}

const CHART_DRAWN = 'workbench:chart-drawn:scorecard-chart';

/**
 * Waits for the page's own "chart drawn" mark through the DevTools protocol: one observer in
 * the page, resolved by the browser's Performance timeline. Playwright's selector waits run its
 * query engine on the page's main thread again and again while the page loads, and that main
 * thread is where the first load's time goes; measured through them, the harness slowed the
 * load it measured.
 */
async function untilChartDrawn(cdp: CDPSession): Promise<void> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    awaitPromise: true,
    expression: `new Promise((resolve) => {
      const drawn = () => performance.getEntriesByName(${JSON.stringify(CHART_DRAWN)}, 'mark').length > 0;
      if (drawn()) return resolve(true);
      new PerformanceObserver((_, observer) => { if (drawn()) { observer.disconnect(); resolve(true); } }).observe({ type: 'mark' });
      setTimeout(() => resolve(false), 300000);
    })`,
  });
  if (exceptionDetails) throw new Error(`waiting for the drawn chart: ${exceptionDetails.text}`);
  if (result.value !== true) throw new Error('the scorecard chart was not drawn within 300 s');
  await cdp.detach();
}

/** `runs` first loads, each in a fresh browser context (empty cache, no service worker, no connection kept). */
export async function firstLoads(browser: Browser, stack: Stack, token: string, runs: number, operation = FIRST_OPERATION): Promise<FirstLoad[]> {
  const origin = new URL(stack.gatewayUrl).origin;
  const loads: FirstLoad[] = [];
  const cdp = await browser.newBrowserCDPSession();
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.addInitScript((t) => localStorage.setItem('returnee-graph.token', t), token);
    const page = await context.newPage();
    const settleMs = await untilChromiumIsQuiet(cdp);
    const before = await serverCounters(stack, operation);
    const t0 = performance.now();
    await page.goto(`${origin}/workbench/#scorecard`, { waitUntil: 'commit' });
    await untilChartDrawn(await page.context().newCDPSession(page));
    const wallMs = performance.now() - t0;
    const after = await serverCounters(stack, operation);
    const timeline = await page.evaluate((drawnMark) => {
      const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const chartDrawn = mark(drawnMark)!;
      // What the page fetched until the chart was drawn; compressed bytes on the wire, as the browser counts them.
      const before = resources.filter((r) => r.startTime <= chartDrawn);
      const code = before.filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname));
      const scorecards = before.find((r) => new URL(r.name).pathname === '/graphql');
      return {
        firstByte: navigation.responseStart,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        codeArrived: Math.max(...code.map((r) => r.responseEnd)),
        appStarted: mark('workbench:app-started'),
        viewCode: mark('workbench:view-code'),
        requestCalled: mark('workbench:scorecard-request'),
        requestSent: scorecards?.requestStart ?? null,
        answerFirstByte: scorecards?.responseStart ?? null,
        answerReceived: mark('workbench:scorecard-answer'),
        chartDrawn,
        requests: before.length + 1,
        bytes: before.reduce((sum, r) => sum + r.transferSize, navigation.transferSize),
      };
    }, CHART_DRAWN);
    loads.push({ settleMs, wallMs, ...timeline, serverSeconds: minus(after.seconds, before.seconds), statements: minus(after.statements, before.statements) });
    await context.close();
  }
  await cdp.detach();
  return loads;
}

const s = (ms: number | null) => (ms === null ? '—' : (ms / 1000).toFixed(2));

/** One line for one load: the points in the page's clock, then the scorecard request's time on the server. */
export function describeFirstLoad(load: FirstLoad): string {
  const waited = load.requestCalled !== null && load.requestSent !== null ? load.requestSent - load.requestCalled : null;
  const server = Object.entries(load.serverSeconds).filter(([, sec]) => sec > 0.0005).map(([service, sec]) => `${service} ${(sec * 1000).toFixed(0)} ms`);
  const statements = Object.entries(load.statements).map(([service, n]) => `${service} ${n}`);
  return `${s(load.wallMs)} s (page ${s(load.chartDrawn)} s; chromium's new window settled ${s(load.settleMs)} s before): first byte ${s(load.firstByte)}, DOMContentLoaded ${s(load.domContentLoaded)}, ` +
    `code arrived ${s(load.codeArrived)}, app started ${s(load.appStarted)}, view's code run ${s(load.viewCode)}; scorecard request asked ${s(load.requestCalled)}, ` +
    `sent ${s(load.requestSent)}${waited !== null && waited > 5 ? ` (waited ${s(waited)} for a connection)` : ''}, ` +
    `first byte of the answer ${s(load.answerFirstByte)}, answer read ${s(load.answerReceived)}; chart drawn ${s(load.chartDrawn)} — ` +
    `${load.requests} requests, ${(load.bytes / 1024).toFixed(0)} KiB; the request on the server: ${server.join(', ') || 'nothing'}; ` +
    `SQL statements during the load: ${statements.join(', ')}`;
}
