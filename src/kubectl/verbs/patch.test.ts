import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import type { Deployment, Service } from '../../cluster/api/types';
import { memoryEnv } from '../commands/env.fixture';
import { runKubectl } from '../kubectl';
import { jsonMergePatch, strategicMergePatch } from './patch-merge';

const session = () => {
  const env = memoryEnv(bareCluster());
  const k = (...argv: string[]) => runKubectl(argv, env);
  k('create', 'deployment', 'web', '--image=nginx', '--port=80');
  k('expose', 'deployment', 'web', '--type=NodePort', '--port=80');
  return { env, k };
};

describe('kubectl patch', () => {
  it('applies a strategic merge patch: patched, then patched (no change)', () => {
    const { env, k } = session();
    expect(k('patch', 'svc', 'web', '-p', '{"spec":{"externalTrafficPolicy":"Local"}}')).toEqual({ stdout: 'service/web patched\n', stderr: '', exitCode: 0, combined: 'service/web patched\n' });
    expect(env.cluster.store.get('Service', 'default', 'web')!.spec.externalTrafficPolicy).toBe('Local');
    expect(k('patch', 'svc', 'web', '-p', '{"spec":{"externalTrafficPolicy":"Local"}}').stdout).toBe('service/web patched (no change)\n');
    expect(k('patch', 'svc', 'web', '-p', '{"spec":{"type":"ClusterIP"}}', '--dry-run=client').stdout).toBe('service/web patched (dry run)\n');
  });

  it('merges containers by name and takes YAML; --type=merge; null deletes', () => {
    const { env, k } = session();
    expect(k('patch', 'deployment', 'web', '-p', 'spec: {template: {spec: {containers: [{name: nginx, image: "nginx:1.27"}]}}}').stdout).toBe('deployment.apps/web patched\n');
    const d = env.cluster.store.get('Deployment', 'default', 'web') as Deployment;
    expect(d.spec.template.spec.containers.map((c) => [c.name, c.image, c.ports?.[0]?.containerPort])).toEqual([['nginx', 'nginx:1.27', 80]]);
    expect(k('patch', 'svc/web', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"web"}}}').stdout).toBe('service/web patched\n');
    expect(k('patch', 'svc/web', '-p', '{"metadata":{"labels":{"tier":null}}}').stdout).toBe('service/web patched\n');
    expect((env.cluster.store.get('Service', 'default', 'web') as Service).metadata.labels).toEqual({ app: 'web' });
  });

  it("prints patch.go's errors", () => {
    const { k } = session();
    expect(k('patch', 'svc', 'web')).toMatchObject({ stderr: 'error: must specify --patch or --patch-file containing the contents of the patch\n', exitCode: 1 });
    expect(k('patch', 'svc', 'web', '--type=foo', '-p', '{}').stderr).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(k('patch', 'svc', 'nope', '-p', '{}').stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('kubectl patch --type=json', () => {
  it('applies RFC 6902 operations: patched, then patched (no change)', () => {
    const { env, k } = session();
    const replicas = '[{"op":"replace","path":"/spec/replicas","value":3}]';
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', replicas)).toEqual({ stdout: 'deployment.apps/web patched\n', stderr: '', exitCode: 0, combined: 'deployment.apps/web patched\n' });
    expect((env.cluster.store.get('Deployment', 'default', 'web') as Deployment).spec.replicas).toBe(3);
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', replicas).stdout).toBe('deployment.apps/web patched (no change)\n');
    // YAML is read as kubectl's yaml.ToJSON reads it; ~1 is a slash in a label key.
    expect(k('patch', 'svc/web', '--type', 'JSON', '-p', '- {op: add, path: /metadata/labels/example.com~1tier, value: front}').stdout).toBe('service/web patched\n');
    expect((env.cluster.store.get('Service', 'default', 'web') as Service).metadata.labels).toEqual({ app: 'web', 'example.com/tier': 'front' });
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":3},{"op":"remove","path":"/spec/template/spec/containers/0/ports"}]').stdout).toBe('deployment.apps/web patched\n');
    expect((env.cluster.store.get('Deployment', 'default', 'web') as Deployment).spec.template.spec.containers[0]!.ports).toBeUndefined();
  });

  it("prints the apiserver's answers to a patch that fails, and changes nothing", () => {
    const { env, k } = session();
    const before = env.cluster.store.get('Deployment', 'default', 'web');
    const invalid = { stdout: '', stderr: 'The request is invalid: the server rejected our request due to an error in our request\n', exitCode: 1 };
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":5},{"op":"replace","path":"/spec/replicas","value":5}]')).toMatchObject(invalid);
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"remove","path":"/spec/nothing"}]')).toMatchObject(invalid);
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/3/image","value":"x"}]')).toMatchObject(invalid);
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', '{"op":"replace","path":"/spec/replicas","value":3}')).toMatchObject({
      stderr: 'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n',
      exitCode: 1,
    });
    expect(env.cluster.store.get('Deployment', 'default', 'web')).toBe(before);
  });

  it('warns of unknown fields and drops them, as the patch handler does with fieldValidation=Warn', () => {
    const { env, k } = session();
    expect(k('patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"add","path":"/spec/foo","value":1}]')).toMatchObject({
      stdout: 'deployment.apps/web patched (no change)\n',
      stderr: 'Warning: unknown field "spec.foo"\n',
      exitCode: 0,
    });
    expect(k('patch', 'deployment', 'web', '--type=merge', '-p', '{"spec":{"foo":1,"replicas":2}}')).toMatchObject({ stdout: 'deployment.apps/web patched\n', stderr: 'Warning: unknown field "spec.foo"\n' });
    const spec = (env.cluster.store.get('Deployment', 'default', 'web') as Deployment).spec as unknown as Record<string, unknown>;
    expect([spec.replicas, 'foo' in spec]).toEqual([2, false]);
  });

  it("patches locally with --dry-run=client and prints the library's errors, as kubectl does", () => {
    const { env, k } = session();
    const before = env.cluster.store.get('Deployment', 'default', 'web');
    expect(k('patch', 'deployment', 'web', '--type=json', '--dry-run=client', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]').stdout).toBe('deployment.apps/web patched (dry run)\n');
    expect(k('patch', 'deployment', 'web', '--type=json', '--dry-run=client', '-p', '[{"op":"test","path":"/spec/replicas","value":5}]').stderr).toBe('error: testing value /spec/replicas failed: test failed\n');
    expect(k('patch', 'deployment', 'web', '--type=json', '--dry-run=client', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/3","value":{}}]').stderr).toBe(
      'error: Object to be patched is missing field (/spec/template/spec/containers/3: missing value)\n',
    );
    expect(k('patch', 'deployment', 'web', '--type=json', '--dry-run=client', '-p', '{"op":"add"}').stderr).toBe('error: json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
    expect(env.cluster.store.get('Deployment', 'default', 'web')).toBe(before);
  });
});

describe('patch merges', () => {
  it('JSON merge patch replaces lists and deletes on null (RFC 7386)', () => {
    expect(jsonMergePatch({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { c: null, e: 5 } })).toEqual({ a: [3], b: { d: 2, e: 5 } });
  });

  it('strategic merge patch merges Service ports by port', () => {
    const live = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080, nodePort: 30001 }, { port: 443, nodePort: 30002 }] } };
    const out = strategicMergePatch(live as never, { spec: { ports: [{ port: 80, nodePort: 30999 }] } }) as unknown as typeof live;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 8080, nodePort: 30999 }, { port: 443, nodePort: 30002 }]);
  });
});
