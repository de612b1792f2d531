import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const dist = path.join(import.meta.dirname, '../web/dist');

/** Gzip size of what index.html loads before anything else: its module scripts and preloads. */
export function initialJsGzipKb(): number | null {
  const indexFile = path.join(dist, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const bytes = files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length, 0);
  return Math.round(bytes / 1024);
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

/** Time from navigation to the first rows of the accounts list in Chromium, signed in, on loopback (median of 5). */
export async function listRenderMs(baseUrl: string, cookie: string): Promise<number | null> {
  return withBrowser(baseUrl, cookie, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    const samples: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const start = performance.now();
      await page.goto(`${baseUrl}/accounts`, { waitUntil: 'commit' });
      await page.locator('a[href^="/accounts/0"]').first().waitFor({ timeout: 30_000 });
      if (i > 0) samples.push(performance.now() - start); // the first load fills the HTTP cache
    }
    samples.sort((a, b) => a - b);
    return Math.round(samples[Math.floor(samples.length / 2)] ?? 0);
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
        // Virtual rows are 45 px high; the spacer rows stand for those not in the DOM.
        return { loaded: Math.round(element.scrollHeight / 45), domRows: element.querySelectorAll('tbody tr:not([aria-hidden])').length };
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
