import { describe, expect, it } from 'vitest';
import { parseImageCatalogue } from '../content-text';
import { imageVars, normaliseRepository } from './catalogue';

describe('normaliseRepository', () => {
  it('names Docker Hub images in full, whatever the tag or digest', () => {
    expect(normaliseRepository('nginx')).toBe('docker.io/library/nginx');
    expect(normaliseRepository('hashicorp/http-echo:1.0')).toBe('docker.io/hashicorp/http-echo');
    expect(normaliseRepository('docker.io/library/nginx@sha256:abc')).toBe('docker.io/library/nginx');
  });

  it('puts a one-segment docker.io name under library/, as Docker Hub does', () => {
    expect(normaliseRepository('docker.io/redis:6.0.5')).toBe('docker.io/library/redis');
    expect(normaliseRepository('docker.io/corelab/gb-frontend:v5')).toBe('docker.io/corelab/gb-frontend');
  });

  it('reads k8s.gcr.io as registry.k8s.io, where its pulls are redirected', () => {
    expect(normaliseRepository('k8s.gcr.io/serve_hostname')).toBe('registry.k8s.io/serve_hostname');
    expect(normaliseRepository('k8s.gcr.io/e2e-test-images/agnhost:2.39')).toBe('registry.k8s.io/e2e-test-images/agnhost');
  });
});

describe('imageVars', () => {
  const catalogue = parseImageCatalogue(`images:
  - repository: gcr.io/google-samples/hello-app
    digest: sha256:${'0'.repeat(64)}
    sizeBytes: 1
    pullSeconds: 1
    run: server
    vars: { VERSION: "1.0.0" }
    tagVars: { "2.0": { VERSION: "2.0.0" } }
`);
  const spec = catalogue.lookup('gcr.io/google-samples/hello-app')!;

  it("gives the image's vars, overridden by its tag's", () => {
    expect(imageVars(spec, 'gcr.io/google-samples/hello-app:1.0')).toEqual({ VERSION: '1.0.0' });
    expect(imageVars(spec, 'gcr.io/google-samples/hello-app:2.0')).toEqual({ VERSION: '2.0.0' });
    expect(imageVars(spec, 'gcr.io/google-samples/hello-app')).toEqual({ VERSION: '1.0.0' });
    expect(imageVars(spec, 'gcr.io/google-samples/hello-app:2.0@sha256:abc')).toEqual({ VERSION: '2.0.0' });
  });
});
