import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser';
import { serveStatic } from './static-server';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built site's base path (`npm run test:e2e` builds under PODLAB_BASE), ending in `/`. */
export const BASE = (process.env.PODLAB_BASE ?? '/').replace(/\/?$/, '/');

/** One Chromium page on the built site, with what every e2e file needs to drive the lesson terminal. */
export interface LessonPage {
  page: Page;
  /** The site's root URL, base path included, ending in `/`. */
  url: string;
  /** Console errors and uncaught exceptions (a CSP violation is a console error). */
  problems: string[];
  terminalText(): Promise<string>;
  /** Types into the terminal as a learner would, then waits for `expected` to show. */
  type(keys: string, expected?: string | RegExp): Promise<void>;
  close(): Promise<void>;
}

export async function openLessonPage(): Promise<LessonPage> {
  const site = await serveStatic(`${ROOT}dist`, BASE);
  const chromium = await launchChromium();
  const page = await chromium.context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  const terminalText = () => page.evaluate(() => (document.querySelector('podlab-workbench') as unknown as { terminalText(): string }).terminalText());
  return {
    page,
    url: site.url,
    problems,
    terminalText,
    async type(keys, expected) {
      await page.locator('.xterm').click();
      await page.keyboard.type(keys);
      await page.keyboard.press('Enter');
      if (expected !== undefined) await expect.poll(terminalText).toMatch(expected);
    },
    async close() {
      await chromium.close();
      await site.close();
    },
  };
}

/**
 * The page for one e2e file: opened before its tests, closed after them.
 * The fields are read inside tests, once beforeAll has run.
 */
export function useLessonPage(): LessonPage {
  let opened: LessonPage | undefined;
  beforeAll(async () => {
    opened = await openLessonPage();
  });
  afterAll(async () => {
    await opened?.close();
  });
  const current = () => {
    if (!opened) throw new Error('the lesson page is used before beforeAll opened it');
    return opened;
  };
  return {
    get page() {
      return current().page;
    },
    get url() {
      return current().url;
    },
    get problems() {
      return current().problems;
    },
    terminalText: () => current().terminalText(),
    type: (keys, expected) => current().type(keys, expected),
    close: () => current().close(),
  };
}
