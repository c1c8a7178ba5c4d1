import { describe, expect, it } from 'vitest';
import { accessLogLine, type AccessLogEntry } from './access-log';

const base: AccessLogEntry = {
  image: 'nginx',
  argv: [],
  now: Date.parse('2026-01-05T09:00:12Z'),
  client: '10.244.3.3',
  clientPort: 57451,
  method: 'GET',
  path: '/',
  host: 'web',
  status: 200,
  bodyBytes: 45,
  userAgent: 'Wget',
};

describe('access log lines by image', () => {
  it('nginx: the main log_format', () => {
    expect(accessLogLine(base)).toBe('10.244.3.3 - - [05/Jan/2026:09:00:12 +0000] "GET / HTTP/1.1" 200 45 "-" "Wget" "-"');
  });

  it('httpd: the common LogFormat, - for an empty body', () => {
    expect(accessLogLine({ ...base, image: 'httpd:2.4' })).toBe('10.244.3.3 - - [05/Jan/2026:09:00:12 +0000] "GET / HTTP/1.1" 200 45');
    expect(accessLogLine({ ...base, image: 'httpd', method: 'HEAD', bodyBytes: 0 })).toBe('10.244.3.3 - - [05/Jan/2026:09:00:12 +0000] "HEAD / HTTP/1.1" 200 -');
  });

  it('http-echo: date, Host, remote address, request without the query, status, length, user agent, duration; /health unlogged', () => {
    expect(accessLogLine({ ...base, image: 'hashicorp/http-echo:1.0', host: 'echo:5678', path: '/x?y=1', bodyBytes: 6, userAgent: 'curl/8.5.0' })).toBe(
      '2026/01/05 09:00:12 echo:5678 10.244.3.3:57451 "GET /x HTTP/1.1" 200 6 "curl/8.5.0" 21.417µs',
    );
    expect(accessLogLine({ ...base, image: 'hashicorp/http-echo', path: '/health' })).toBeUndefined();
  });

  it("agnhost netexec: each handler's line through klog, GET whatever the method; nothing for other subcommands", () => {
    const net = { ...base, image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', argv: ['netexec', '--http-port=8080'] };
    expect(accessLogLine({ ...net, path: '/hostname' })).toBe('I0105 09:00:12.000000       1 log.go:195] GET /hostname');
    expect(accessLogLine({ ...net, path: '/echo?msg=hi+there' })).toBe('I0105 09:00:12.000000       1 log.go:195] GET /echo?msg=hi there&code=');
    expect(accessLogLine({ ...net, method: 'HEAD', path: '/nowhere' })).toBe('I0105 09:00:12.000000       1 log.go:195] GET /');
    expect(accessLogLine({ ...net, argv: ['pause'] })).toBeUndefined();
    expect(accessLogLine({ ...base, image: 'redis' })).toBeUndefined();
  });
});
