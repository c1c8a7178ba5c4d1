import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every root-relative link of the built site stays under the base path it was built with. */

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const BASE = (process.env.PODLAB_BASE ?? '/').replace(/\/?$/, '/');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

describe('built pages under the base path', () => {
  const pages = htmlFiles(DIST);

  it('built the index and lesson 1', () => {
    expect(pages.map((p) => p.slice(DIST.length)).sort()).toEqual(expect.arrayContaining(['index.html', 'lessons/01-pod-ips/index.html']));
  });

  it.each(pages.map((p) => [p.slice(DIST.length), p]))('%s links only inside the base path', (_, path) => {
    const html = readFileSync(path, 'utf8');
    const rooted = [...html.matchAll(/\b(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(rooted.length).toBeGreaterThan(0);
    expect(rooted.filter((url) => !url.startsWith(BASE))).toEqual([]);
  });

  it.each(pages.map((p) => [p.slice(DIST.length), p]))('%s has the Content-Security-Policy and no inline script', (_, path) => {
    const html = readFileSync(path, 'utf8');
    expect(html).toContain(`<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self';`);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bsrc="/.test(tag))).toEqual([]);
  });
});
