import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { sleeper, svc } from '../network.fixture';
import { runNetworkTool } from '../tools/index';
import { httpdETag, nginxETag, serverHeaders } from './server-headers';

// Expected values from real servers: nginx:1.27.5's welcome page (`ETag: "67ff9c07-267"`, Last-Modified
// Wed, 16 Apr 2025 12:01:11 GMT) and httpd 2.4's It works! page (`ETag: "2d-432a5e4a73a80"`, Mon, 11 Jun 2007 18:53:14 GMT).
const now = Date.parse('2026-01-05T09:00:00Z');

describe('serverHeaders', () => {
  it('nginx serving a static file: Last-Modified before Connection, then ETag and Accept-Ranges', () => {
    const mtime = Date.parse('2025-04-16T12:01:11Z');
    const h = serverHeaders('docker.io/library/nginx', 'nginx:1.27', now, { body: 'x'.repeat(615), status: 200, mtime, close: false });
    expect(h).toEqual([
      ['Server', 'nginx/1.27.5'],
      ['Date', 'Mon, 05 Jan 2026 09:00:00 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '615'],
      ['Last-Modified', 'Wed, 16 Apr 2025 12:01:11 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', '"67ff9c07-267"'],
      ['Accept-Ranges', 'bytes'],
    ]);
  });

  it("nginx's own error page has no file headers; a client's Connection: close is answered in kind", () => {
    const h = serverHeaders('docker.io/library/nginx', 'nginx', now, { body: 'gone', status: 404, close: true });
    expect(h.map(([k]) => k)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Connection']);
    expect(h.at(-1)).toEqual(['Connection', 'close']);
  });

  it('httpd serving It works!: Date, Server, Last-Modified, ETag, Accept-Ranges, Content-Length, Content-Type', () => {
    const mtime = Date.parse('2007-06-11T18:53:14Z');
    const h = serverHeaders('docker.io/library/httpd', 'httpd:2.4', now, { body: '<html><body><h1>It works!</h1></body></html>\n', status: 200, mtime, close: false });
    expect(h).toEqual([
      ['Date', 'Mon, 05 Jan 2026 09:00:00 GMT'],
      ['Server', 'Apache/2.4.65 (Unix)'],
      ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
      ['ETag', '"2d-432a5e4a73a80"'],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', '45'],
      ['Content-Type', 'text/html'],
    ]);
  });

  it('ETags in each server\'s own layout', () => {
    expect(nginxETag(Date.parse('2025-04-16T12:01:11Z'), 615)).toBe('"67ff9c07-267"');
    expect(httpdETag(Date.parse('2007-06-11T18:53:14Z'), 45)).toBe('"2d-432a5e4a73a80"');
  });
});

describe('static pages and error pages through curl', () => {
  const c = bootCluster('default', 3);
  c.api.create(deploymentManifest('web', 1, 'nginx:1.27.5'));
  c.api.create(deploymentManifest('apache', 1, 'httpd:2.4'));
  c.api.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  c.api.create(svc('apache', { selector: { app: 'apache' }, ports: [{ port: 80 }] }));
  c.api.create(sleeper('shoot', 'nicolaka/netshoot'));
  c.advance(30_000);
  const curl = (...args: string[]) => runNetworkTool('curl', args, { cluster: c, from: { kind: 'pod', namespace: 'default', name: 'shoot' }, image: 'nicolaka/netshoot' });

  it('/index.html is the same file as /', () => {
    expect(curl('-sI', 'http://web/index.html').stdout).toContain('ETag: "67ff9c07-267"\r\n');
    expect(curl('-s', 'http://apache/index.html').stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });

  it("httpd's 404: its canned error page, 196 bytes in Latin-1", () => {
    const r = curl('-si', 'http://apache/nope');
    expect(r.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nDate: .*\r\nServer: Apache\/2\.4\.65 \(Unix\)\r\nContent-Length: 196\r\nContent-Type: text\/html; charset=iso-8859-1\r\n\r\n<!DOCTYPE HTML PUBLIC/);
    expect(r.stdout).toContain('<p>The requested URL was not found on this server.</p>\n</body></html>\n');
  });
});
