import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import type { Service } from '../../cluster/api/types';
import { memoryEnv } from '../commands/env.fixture';
import { runKubectl } from '../kubectl';

const session = (type = 'LoadBalancer') => {
  const env = memoryEnv(bareCluster());
  const k = (...argv: string[]) => runKubectl(argv, env);
  k('create', 'deployment', 'web', '--image=nginx', '--port=80');
  k('expose', 'deployment', 'web', `--type=${type}`, '--port=80');
  const svc = () => env.cluster.store.get('Service', 'default', 'web') as Service;
  return { env, k, svc };
};

const INGRESS = '{"status":{"loadBalancer":{"ingress":[{"ip":"172.18.255.200"}]}}}';

describe('kubectl patch --subresource=status', () => {
  it('writes the status (ipMode defaulted to VIP), then patched (no change)', () => {
    const { k, svc } = session();
    expect(k('patch', 'svc', 'web', '--subresource=status', '--type=merge', '-p', INGRESS).stdout).toBe('service/web patched\n');
    expect(svc().status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(k('patch', 'svc', 'web', '--subresource=status', '--type=merge', '-p', INGRESS).stdout).toBe('service/web patched (no change)\n');
    expect(k('get', 'svc', 'web').stdout).toContain('172.18.255.200');
  });

  it('takes strategic and json patches; the spec is the server’s to keep', () => {
    const { k, svc } = session();
    expect(k('patch', 'svc', 'web', '--subresource=status', '-p', INGRESS).stdout).toBe('service/web patched\n');
    const op = '[{"op":"replace","path":"/status/loadBalancer/ingress/0/ip","value":"172.18.255.201"}]';
    expect(k('patch', 'svc', 'web', '--subresource', 'status', '--type=json', '-p', op).stdout).toBe('service/web patched\n');
    expect(svc().status?.loadBalancer?.ingress?.[0]?.ip).toBe('172.18.255.201');
    expect(k('patch', 'svc', 'web', '--subresource=status', '-p', '{"spec":{"type":"NodePort"}}').stdout).toBe('service/web patched (no change)\n');
    expect(svc().spec.type).toBe('LoadBalancer');
    expect(k('patch', 'svc', 'web', '--subresource=status', '--dry-run=server', '-p', '{"status":{"loadBalancer":{"ingress":null}}}').stdout).toBe('service/web patched (server dry run)\n');
    expect(svc().status?.loadBalancer?.ingress).toHaveLength(1);
  });

  it("refuses what ValidateLoadBalancerStatus refuses, with the apiserver's texts", () => {
    const { k } = session();
    const bad = (ingress: string) => k('patch', 'svc', 'web', '--subresource=status', '--type=merge', '-p', `{"status":{"loadBalancer":{"ingress":[${ingress}]}}}`).stderr;
    expect(bad('{"ip":"foo"}')).toBe('The Service "web" is invalid: status.loadBalancer.ingress[0].ip: Invalid value: "foo": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n');
    expect(bad('{"ip":"172.18.255.020"}')).toBe('The Service "web" is invalid: status.loadBalancer.ingress[0].ip: Invalid value: "172.18.255.020": must not have leading 0s\n');
    expect(bad('{"ip":"172.18.255.200","ipMode":"Direct"}')).toBe('The Service "web" is invalid: status.loadBalancer.ingress[0].ipMode: Unsupported value: "Direct": supported values: "Proxy", "VIP"\n');
    expect(bad('{"hostname":"lb.example.com","ipMode":"VIP"}')).toBe('The Service "web" is invalid: status.loadBalancer.ingress[0].ipMode: Forbidden: may not be specified when `ip` is not set\n');
    expect(bad('{"ip":"2001:db8::1"}')).toBe('');
  });

  it('refuses ingress on a Service that is not a LoadBalancer, and kinds without /status', () => {
    const { k } = session('NodePort');
    expect(k('patch', 'svc', 'web', '--subresource=status', '--type=merge', '-p', INGRESS).stderr).toBe(
      "The Service \"web\" is invalid: status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'\n",
    );
    k('create', 'configmap', 'c', '--from-literal=a=b');
    expect(k('patch', 'cm', 'c', '--subresource=status', '-p', '{}').stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect(k('patch', 'svc', 'web', '--subresource=spec', '-p', '{}').stderr).toBe('error: invalid subresource value: "spec". Must be one of [status scale]\n');
  });
});
