import { describe, expect, it } from 'vitest';
import { flavourOf, libcOf } from './tool';

describe('what an image is built on', () => {
  it('Alpine-based images resolve with musl: netshoot, curlimages/curl, agnhost (BASEIMAGE alpine:3.21)', () => {
    for (const image of ['nicolaka/netshoot', 'curlimages/curl:8.14.1', 'registry.k8s.io/e2e-test-images/agnhost:2.53']) expect(libcOf(image)).toBe('musl');
    for (const image of ['busybox:1.36', 'nginx:1.27']) expect(libcOf(image)).toBe('glibc');
  });

  it('netshoot and dnsutils ship the full tools, the rest BusyBox applets', () => {
    expect(flavourOf('nicolaka/netshoot')).toBe('full');
    expect(flavourOf('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3')).toBe('full');
    expect(flavourOf('busybox')).toBe('busybox');
  });
});
