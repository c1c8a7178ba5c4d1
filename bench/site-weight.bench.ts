/**
 * Site weight and start-up (`npm run bench:site`): builds the site, opens
 * the first lesson page in headless Chromium from a local static server,
 * and prints
 *   - gzip JavaScript fetched before the first interaction (target < 200 KB, Monaco excluded),
 *   - the shell's chunk (the mvdan-sh parser), which must not be part of it: fetched on first use,
 *   - what opening the editor adds (Monaco, its CSS and font, its workers),
 *   - time from navigation until the terminal accepts input (median of several cold runs),
 *   - whether a schema error shows in the editor (a smoke check of monaco-yaml and its worker).
 * Figures, not assertions. Needs /usr/bin/chromium (`apt-get install -y chromium`).
 * Env: SITE_BENCH_SKIP_BUILD=1 reuses dist/; SITE_BENCH_PAGE=/path/ picks the page; SITE_BENCH_RUNS=N.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';

/** The element the workbench marks once its terminal takes input. */
export const TERMINAL_READY_SELECTOR = process.env.SITE_BENCH_READY_SELECTOR ?? 'podlab-workbench[data-state="ready"]';
/** The editor's preview: a click there is the interaction that fetches Monaco. */
const EDITOR_PREVIEW_SELECTOR = '.podlab-editor-preview';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIRST_LOAD_TARGET_KB = 200;
/** The chunk Vite makes of src/browser/shell-adapter.ts, which the workbench imports dynamically. */
export const SHELL_CHUNK = /\/?shell-adapter\.[\w-]+\.js$/;
const RUNS = Number(process.env.SITE_BENCH_RUNS ?? 5);

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

function build(): void {
  if (process.env.SITE_BENCH_SKIP_BUILD === '1' && existsSync(dist)) return;
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`astro build failed (${r.status})`);
}

/** The first lesson page the build made. */
function pickPage(): string {
  if (process.env.SITE_BENCH_PAGE) return process.env.SITE_BENCH_PAGE;
  const lessons = join(dist, 'lessons');
  if (existsSync(lessons)) {
    const pages = walk(lessons).filter((f) => f.endsWith(`${sep}index.html`)).sort();
    if (pages[0]) return `/${pages[0].slice(dist.length + 1, -'index.html'.length).split(sep).join('/')}`;
  }
  throw new Error('the build made no lesson page (dist/lessons/*/index.html)');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.json': 'application/json', '.woff2': 'font/woff2',
};

/** A static server for dist/ that logs each path it serves, in order. */
function serve(served: string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(dist, `.${path}`);
    if (!file.startsWith(dist + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    served.push(path);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

const gzipCache = new Map<string, number>();
function gzipBytes(path: string): number {
  let n = gzipCache.get(path);
  if (n === undefined) gzipCache.set(path, (n = gzipSync(readFileSync(join(dist, path)), { level: 9 }).length));
  return n;
}

function weigh(paths: readonly string[], ext: string): { kb: number; files: number } {
  const unique = [...new Set(paths.filter((p) => extname(p) === ext))];
  return { kb: unique.reduce((n, p) => n + gzipBytes(p), 0) / 1024, files: unique.length };
}

async function freshContext(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'podlab-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return { context, profile };
}

/** Milliseconds from navigation start until the ready selector first matches, seen from inside the page. */
const READY_PROBE = `(() => {
  const sel = ${JSON.stringify(TERMINAL_READY_SELECTOR)};
  const check = () => { if (window.__podlabReadyAt === undefined && document.querySelector(sel)) window.__podlabReadyAt = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

async function measureOnce(origin: string, page: string, served: string[], withEditor: boolean) {
  const { context, profile } = await freshContext();
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.addInitScript(READY_PROBE);
    served.length = 0;
    await tab.goto(origin + page, { waitUntil: 'load' });
    await tab.waitForSelector(TERMINAL_READY_SELECTOR, { timeout: 30_000 });
    const readyMs = (await tab.evaluate(() => (globalThis as unknown as { __podlabReadyAt?: number }).__podlabReadyAt)) ?? NaN;
    await tab.waitForLoadState('networkidle');
    const firstLoad = [...served];
    if (!withEditor) return { readyMs, firstLoad, opened: [] as string[], schemaError: undefined };

    await tab.click(EDITOR_PREVIEW_SELECTOR);
    await tab.waitForSelector('.monaco-editor .view-lines', { timeout: 60_000 });
    // A field the decoder refuses must get a marker from monaco-yaml's worker.
    await tab.keyboard.press('Control+End');
    await tab.keyboard.type('\nbogusField: 1\n');
    const schemaError = await tab
      .waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning', { timeout: 30_000 })
      .then(() => true, () => false);
    await tab.waitForLoadState('networkidle');
    return { readyMs, firstLoad, opened: served.slice(firstLoad.length), schemaError };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  build();
  const page = pickPage();
  const served: string[] = [];
  const { server, origin } = await serve(served);
  try {
    const first = await measureOnce(origin, page, served, true);
    const times = [first.readyMs];
    for (let i = 1; i < RUNS; i++) times.push((await measureOnce(origin, page, served, false)).readyMs);

    const js = weigh(first.firstLoad, '.js');
    const css = weigh(first.firstLoad, '.css');
    const monacoInFirstLoad = first.firstLoad.some((p) => p.endsWith('.js') && /monaco|editor\.worker|yaml\.worker/.test(p));
    const shellChunks = readdirSync(join(dist, '_astro')).filter((f) => SHELL_CHUNK.test(f)).map((f) => `/_astro/${f}`);
    const shellInFirstLoad = first.firstLoad.some((p) => SHELL_CHUNK.test(p));
    const monacoCss = weigh(first.firstLoad.filter((p) => p.includes('monaco')), '.css');
    // The shell's chunk may arrive while the editor opens (idle prefetch): it is not the editor's weight.
    const addedJs = weigh(first.opened.filter((p) => !first.firstLoad.includes(p) && !SHELL_CHUNK.test(p)), '.js');
    const addedCss = weigh(first.opened.filter((p) => !first.firstLoad.includes(p)), '.css');
    const addedFonts = weigh(first.opened, '.ttf');
    console.log(`page: ${page}`);
    console.log(`first-load JavaScript (gzip): ${js.kb.toFixed(1)} KB in ${js.files} files; target < ${FIRST_LOAD_TARGET_KB} KB — ${js.kb < FIRST_LOAD_TARGET_KB ? 'met' : 'NOT met'}`);
    // Astro links CSS of dynamically imported chunks from the page head (withastro/astro#9495), so Monaco's CSS loads early.
    for (const p of [...new Set(first.firstLoad)].filter((p) => p.endsWith('.js')).sort((a, b) => gzipBytes(b) - gzipBytes(a))) console.log(`  ${p}: ${(gzipBytes(p) / 1024).toFixed(1)} KB gzip`);
    console.log(`first-load CSS (gzip): ${css.kb.toFixed(1)} KB in ${css.files} files, of which Monaco's ${monacoCss.kb.toFixed(1)} KB`);
    console.log(`Monaco JavaScript in the first load: ${monacoInFirstLoad ? 'YES (it should not be)' : 'no'}`);
    console.log(`shell chunk (loaded on the first keystroke, focus, paste or Run, or when idle 4 s after ready): ${shellChunks.map((p) => `${p} ${(gzipBytes(p) / 1024).toFixed(1)} KB gzip`).join(', ') || 'NOT FOUND (is the shell still imported statically?)'}; in the first load: ${shellInFirstLoad ? 'YES (it should not be)' : 'no'}`);
    console.log(`opening the editor adds (gzip): ${addedJs.kb.toFixed(1)} KB JavaScript in ${addedJs.files} files (workers included), ${addedCss.kb.toFixed(1)} KB CSS, ${addedFonts.kb.toFixed(1)} KB fonts`);
    for (const p of [...new Set(first.opened)].filter((p) => !first.firstLoad.includes(p) && !SHELL_CHUNK.test(p))) console.log(`  ${p}: ${(gzipBytes(p) / 1024).toFixed(1)} KB gzip`);
    console.log(`schema error marked in the editor: ${first.schemaError ? 'yes' : 'NO'}`);
    console.log(`navigation → terminal ready (${TERMINAL_READY_SELECTOR}): median ${median(times).toFixed(0)} ms over ${times.length} cold runs (${times.map((t) => t.toFixed(0)).join(', ')})`);
  } finally {
    server.close();
  }
}

await main();
