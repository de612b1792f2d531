import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const chromiumPath = '/usr/bin/chromium';
/** Without Debian's Chromium the browser tests skip (loudly): we never download a browser. */
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(`\n*** Browser tests SKIPPED: ${chromiumPath} is missing. Install it with: apt-get install -y chromium ***\n`);
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const admin = { email: 'admin@example.com', password: 'admin-password-1', name: 'Admin' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within 60 s:\n${output()}`);
}

export type TestServer = { baseUrl: string; stop: () => Promise<void> };

/** The real server on a free port with a fresh SQLite data directory and a first admin; `env` adds to its environment. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!existsSync(join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests.');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cartera-e2e-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CARTERA_DATA_DIR: dataDir,
      // Each file gets its own empty database, so the tests stay on SQLite even when CI sets a PostgreSQL URL.
      DATABASE_URL: '',
      CARTERA_ADMIN_EMAIL: admin.email,
      CARTERA_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      CARTERA_CHECK_RESPONSES: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestBrowser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** Chromium exactly as STACK.md says, in Spanish (the product's first language) unless told otherwise. */
export async function launchBrowser(options: { locale?: string; viewport?: { width: number; height: number }; timezoneId?: string } = {}): Promise<TestBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'cartera-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: options.locale ?? 'es-ES',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every text or label that ever shows a raw translation key (`accounts:list.title`, what
 * the app shows for a text whose namespace has not loaded), even for a moment and across page
 * loads. Call before navigating; the answer lists what was seen so far.
 */
export async function watchForRawKeys(context: BrowserContext): Promise<() => string[]> {
  const seen = new Set<string>();
  await context.exposeFunction('reportRawTranslationKey', (key: string) => seen.add(key));
  await context.addInitScript(() => {
    const report: unknown = Reflect.get(window, 'reportRawTranslationKey');
    const rawKey = /\b[a-z]+:[a-z][A-Za-z0-9_]*\.[A-Za-z0-9_.-]+/;
    const check = (text: string | null | undefined) => {
      const match = text ? rawKey.exec(text) : null;
      if (match && typeof report === 'function') report(match[0]);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') check(record.target.textContent);
        else if (record.type === 'attributes' && record.target instanceof Element) check(record.target.getAttribute(record.attributeName ?? ''));
        else
          for (const node of record.addedNodes) {
            check(node.textContent);
            if (node instanceof Element)
              for (const element of [node, ...node.querySelectorAll('[aria-label], [placeholder], [title]')])
                for (const name of ['aria-label', 'placeholder', 'title']) check(element.getAttribute(name));
          }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'placeholder', 'title'] });
  });
  return () => [...seen];
}

/** Signs in through the login page and waits for the accounts list (home is the dashboard: the login is sent on to the list). */
export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=%2Faccounts`);
  await page.getByLabel(/Correo electrónico|E-mail/).fill(email);
  await page.getByLabel(/^(Contraseña|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Entrar|Sign in)$/ }).click();
  await page.waitForURL('**/accounts');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Menú de usuario|User menu/ }).click();
  await page.getByRole('menuitem', { name: /Cerrar sesión|Log out/ }).click();
  await page.waitForURL('**/login');
}

/** Picks an option of a Mantine Select / MultiSelect by its label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Saves the list as it is shown under a name, from the views menu, and waits until it is the active view. */
export async function saveView(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Vistas' }).click();
  await page.getByRole('menuitem', { name: 'Guardar la vista actual…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Guardar la vista actual' });
  await dialog.getByLabel('Nombre de la vista').fill(name);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name, exact: true }).waitFor();
}

/** Opens a saved view from the views menu. */
export async function pickView(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Vistas' }).click();
  await page.getByRole('menuitem', { name }).click();
}

/** On a failed test, keeps a screenshot of the page in the temp directory and says where. */
export function screenshotOnFailure(getPage: () => Page | undefined): void {
  afterEach(async (context) => {
    const page = getPage();
    if (context.task.result?.state !== 'fail' || !page) return;
    const dir = join(tmpdir(), 'cartera-e2e-failures');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.warn(`Screenshot of the failed test: ${file} (at ${page.url()})`);
  });
}

/**
 * For a describe block: a fresh server, an optional seeding step, and a browser signed in as the
 * admin; screenshots on failure; everything stopped afterwards. Read `server`/`browser` in tests.
 */
export function adminSession(options: { browser?: Parameters<typeof launchBrowser>[0]; seed?: (server: TestServer) => Promise<void>; env?: () => Record<string, string> } = {}) {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startServer(options.env?.());
    await options.seed?.(server);
    browser = await launchBrowser(options.browser);
    await login(browser.page, server.baseUrl, admin.email, admin.password);
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    get browser(): TestBrowser {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
  };
}
