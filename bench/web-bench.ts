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

/** Time from navigation to the first rows of the accounts list in Chromium, signed in, on loopback (median of 5). */
export async function listRenderMs(baseUrl: string, cookie: string): Promise<number | null> {
  if (!fs.existsSync('/usr/bin/chromium')) return null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const [name = '', value = ''] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
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
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
