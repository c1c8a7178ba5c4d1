import { describe, expect, it } from 'vitest';
import { normaliseRepository } from './catalogue';

describe('normaliseRepository', () => {
  it('names Docker Hub images in full, whatever the tag or digest', () => {
    expect(normaliseRepository('nginx')).toBe('docker.io/library/nginx');
    expect(normaliseRepository('hashicorp/http-echo:1.0')).toBe('docker.io/hashicorp/http-echo');
    expect(normaliseRepository('docker.io/library/nginx@sha256:abc')).toBe('docker.io/library/nginx');
  });

  it('reads k8s.gcr.io as registry.k8s.io, where its pulls are redirected', () => {
    expect(normaliseRepository('k8s.gcr.io/serve_hostname')).toBe('registry.k8s.io/serve_hostname');
    expect(normaliseRepository('k8s.gcr.io/e2e-test-images/agnhost:2.39')).toBe('registry.k8s.io/e2e-test-images/agnhost');
  });
});
