import { describe, expect, it } from 'vitest';
import { message } from '../messages';
import { parseTargets } from './targets';

const kinds = (args: string[]) => {
  const r = parseTargets(args);
  if (!r.ok) throw new Error('expected targets');
  return r.targets.form === 'types'
    ? { types: r.targets.types.map((t) => t.kind), names: r.targets.names }
    : { pairs: r.targets.pairs.map((p) => `${p.info.kind}/${p.name}`) };
};

describe('parseTargets (resource arguments)', () => {
  it('resolves plural, singular, short names and groups', () => {
    expect(kinds(['pods'])).toEqual({ types: ['Pod'], names: [] });
    expect(kinds(['po', 'web', 'db'])).toEqual({ types: ['Pod'], names: ['web', 'db'] });
    expect(kinds(['deploy,svc'])).toEqual({ types: ['Deployment', 'Service'], names: [] });
    expect(kinds(['deployments.apps'])).toEqual({ types: ['Deployment'], names: [] });
    expect(kinds(['Service'])).toEqual({ types: ['Service'], names: [] });
  });

  it('expands all to the category kubectl get all prints', () => {
    expect(kinds(['all'])).toEqual({ types: ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet'], names: [] });
  });

  it('takes type/name pairs', () => {
    expect(kinds(['pod/web', 'svc/web'])).toEqual({ pairs: ['Pod/web', 'Service/web'] });
  });

  it("refuses what kubectl's builder refuses", () => {
    expect(parseTargets(['flurbs'])).toEqual({ ok: false, error: message('unknownResourceType', 'flurbs') });
    expect(parseTargets(['pods,flurbs'])).toEqual({ ok: false, error: message('unknownResourceType', 'flurbs') });
    // Types a real kind cluster serves but this one does not are refused as not simulated, never as unknown to the server.
    expect(parseTargets(['secrets'])).toEqual({ ok: false, error: message('notAvailable', 'secrets') });
    expect(parseTargets(['sts/web'])).toEqual({ ok: false, error: message('notAvailable', 'sts') });
    expect(parseTargets(['jobs.batch', 'x'])).toEqual({ ok: false, error: message('notAvailable', 'jobs.batch') });
    // v1.34 serves ServiceCIDRs and IPAddresses (MultiCIDRServiceAllocator is GA) and still ComponentStatuses.
    for (const typed of ['servicecidrs', 'ipaddresses', 'cs', 'componentstatuses']) expect(parseTargets([typed])).toEqual({ ok: false, error: message('notAvailable', typed) });
    expect(parseTargets(['pods', 'pod/web'])).toEqual({ ok: false, error: message('mixedResourceArgs') });
    expect(parseTargets(['pod/'])).toEqual({ ok: false, error: message('badResourceNameArg') });
  });
});
