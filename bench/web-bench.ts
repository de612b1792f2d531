import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const dist = path.join(import.meta.dirname, '../web/dist');

/** Gzip size (level 9, kB) of these built files, named by their path under web/dist. */
function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  return Math.round(bytes / 1024);
}

/** Gzip size of what index.html loads before anything else: its module scripts and preloads. */
export function initialJsGzipKb(): number | null {
  const indexFile = path.join(dist, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  return gzipKb([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? ''));
}

type Browser = Awaited<ReturnType<typeof chromium.launchPersistentContext>>;

/** A signed-in Chromium (Debian's, headless, flags as the browser tests use) for `work`; null without Chromium. */
async function withBrowser<T>(baseUrl: string, cookie: string, work: (context: Browser) => Promise<T>): Promise<T | null> {
  if (!fs.existsSync('/usr/bin/chromium')) return null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const [name = '', value = ''] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
    return await work(context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export type ListRender = { coldMs: number; warmMs: number; jsKb: number };

/**
 * Time from navigation to the first rows of the accounts list in Chromium, signed in, on
 * loopback: the first visit (empty HTTP cache) and the median of five more (warm cache); and the
 * gzip size of every script the first visit fetched before its rows showed (shell, the list's
 * route chunk, its translations), which is the honest "initial JavaScript".
 */
export async function listRender(baseUrl: string, cookie: string): Promise<ListRender | null> {
  return withBrowser(baseUrl, cookie, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    // Checked on every frame: a locator's waitFor backs off to polling every 500 ms, which
    // added up to half a second to a render and let scripts asked for after the rows count.
    const rowsShown = async () => {
      const shownAt = await page.waitForFunction(() => (document.querySelector('a[href^="/accounts/0"]') ? performance.now() : 0), null, { polling: 'raf', timeout: 30_000 });
      return Number(await shownAt.jsonValue());
    };
    const samples: number[] = [];
    let scripts: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const start = performance.now();
      await page.goto(`${baseUrl}/accounts`, { waitUntil: 'commit' });
      const shownAt = await rowsShown();
      samples.push(performance.now() - start);
      if (i > 0) continue;
      // The browser's own record: every script requested before the frame that showed the rows.
      scripts = await page.evaluate((before) => performance.getEntriesByType('resource')
        .filter((entry) => entry.startTime < before && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname.slice(1)), shownAt);
    }
    const [coldMs = 0, ...warm] = samples;
    warm.sort((a, b) => a - b);
    return { coldMs: Math.round(coldMs), warmMs: Math.round(warm[Math.floor(warm.length / 2)] ?? 0), jsKb: gzipKb(new Set(scripts)) };
  });
}

export type ScrollFigures = { rowsLoaded: number; seconds: number; maxDomRows: number; heapMb: number };

/**
 * Scrolls the accounts table (desktop width) to the end again and again until `rows` rows are
 * loaded, page by page as a user would, and reports the most table rows the DOM ever held
 * (virtualised: it should stay at a screenful plus overscan) and the page's JavaScript heap.
 */
export async function scrollRows(baseUrl: string, cookie: string, rows: number): Promise<ScrollFigures | null> {
  return withBrowser(baseUrl, cookie, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseUrl}/accounts`);
    const table = page.getByTestId('accounts-table');
    await table.locator('tbody a').first().waitFor({ timeout: 30_000 });
    const started = performance.now();
    let state = { loaded: 0, domRows: 0 };
    let maxDomRows = 0;
    let stalled = 0;
    while (state.loaded < rows && stalled < 200) {
      const next = await table.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
        // Virtual rows are 40 px high (ListTable); the spacer rows stand for those not in the DOM.
        return { loaded: Math.round(element.scrollHeight / 40), domRows: element.querySelectorAll('tbody tr:not([aria-hidden])').length };
      });
      stalled = next.loaded > state.loaded ? 0 : stalled + 1;
      state = next;
      maxDomRows = Math.max(maxDomRows, next.domRows);
      await page.waitForTimeout(20);
    }
    const heap = await page.evaluate(() => {
      const memory: unknown = Reflect.get(performance, 'memory');
      return typeof memory === 'object' && memory && 'usedJSHeapSize' in memory ? Number(memory.usedJSHeapSize) : 0;
    });
    return { rowsLoaded: state.loaded, seconds: (performance.now() - started) / 1000, maxDomRows, heapMb: Math.round(heap / 2 ** 20) };
  });
}
