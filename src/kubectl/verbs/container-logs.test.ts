import { describe, expect, it } from 'vitest';
import { containerLogLines } from './container-logs';

const at = '2026-01-05T09:00:03Z';
const node = { cpus: 2, kernel: '6.8.0-60-generic' };

describe('container startup lines by image', () => {
  it('httpd: AH00558 twice with the pod IP, then the MPM and core notices', () => {
    expect(containerLogLines({ image: 'httpd:2.4', startedAt: at, podIP: '10.244.2.2', ...node })).toEqual([
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.2.2. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.2.2. Set the 'ServerName' directive globally to suppress this message",
      '[Mon Jan 05 09:00:03.412087 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations',
      "[Mon Jan 05 09:00:03.412215 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
    ]);
  });

  it('http-echo: the address it listens on, -listen or :5678', () => {
    expect(containerLogLines({ image: 'hashicorp/http-echo', argv: ['-text=hello'], startedAt: at, ...node })).toEqual(['2026/01/05 09:00:03 [INFO] server is listening on :5678']);
    expect(containerLogLines({ image: 'hashicorp/http-echo', argv: ['-listen=:8080', '-text=hi'], startedAt: at, ...node })).toEqual(['2026/01/05 09:00:03 [INFO] server is listening on :8080']);
  });

  it('agnhost netexec: its HTTP and UDP servers through klog; nothing for other subcommands', () => {
    expect(containerLogLines({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', argv: ['netexec', '--http-port=9376'], startedAt: at, ...node })).toEqual([
      'I0105 09:00:03.677397       1 log.go:195] Started HTTP server on port 9376',
      'I0105 09:00:03.677586       1 log.go:195] Started UDP server on port  8081',
    ]);
    expect(containerLogLines({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', argv: ['netexec', '--udp-port=-1'], startedAt: at, ...node })).toEqual([
      'I0105 09:00:03.677397       1 log.go:195] Started HTTP server on port 8080',
    ]);
    expect(containerLogLines({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', argv: ['pause'], startedAt: at, ...node })).toEqual([]);
  });

  it('coredns: server block, reload hash, version and build', () => {
    const lines = containerLogLines({ image: 'registry.k8s.io/coredns/coredns:v1.12.1', startedAt: at, ...node });
    expect(lines[0]).toBe('.:53');
    expect(lines.slice(2)).toEqual(['CoreDNS-1.12.1', 'linux/amd64, go1.24.1, 707c7c1']);
    expect(lines[1]).toMatch(/^\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}$/);
  });
});
