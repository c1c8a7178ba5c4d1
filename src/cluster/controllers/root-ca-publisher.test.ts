import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { ROOT_CA_CONFIGMAP, ROOT_CA_PEM } from './root-ca-publisher';

describe('root-ca-cert-publisher', () => {
  it('publishes kube-root-ca.crt in every namespace, new ones too, and puts it back when deleted or changed', () => {
    const c = bareCluster(1);
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      const cm = c.store.get('ConfigMap', ns, ROOT_CA_CONFIGMAP)!;
      expect(cm.data).toEqual({ 'ca.crt': ROOT_CA_PEM });
      expect(cm.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle that can be used to verify the kube-apiserver/);
    }
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    c.settle();
    expect(c.store.get('ConfigMap', 'dev', ROOT_CA_CONFIGMAP)).toBeDefined();
    c.api.delete('ConfigMap', 'dev', ROOT_CA_CONFIGMAP);
    c.settle();
    expect(c.store.get('ConfigMap', 'dev', ROOT_CA_CONFIGMAP)?.data).toEqual({ 'ca.crt': ROOT_CA_PEM });
    const cm = c.store.get('ConfigMap', 'dev', ROOT_CA_CONFIGMAP)!;
    c.api.update({ ...cm, data: { 'ca.crt': 'x' } });
    c.settle();
    expect(c.store.get('ConfigMap', 'dev', ROOT_CA_CONFIGMAP)?.data).toEqual({ 'ca.crt': ROOT_CA_PEM });
  });

  it('lets a terminating namespace empty out, and the PEM looks like kubeadm’s CA', () => {
    const c = bareCluster(1);
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    c.settle();
    c.api.delete('Namespace', undefined, 'dev');
    c.advance(5_000);
    expect(c.store.get('Namespace', undefined, 'dev')).toBeUndefined();
    expect(c.store.list('ConfigMap', 'dev')).toEqual([]);
    expect(ROOT_CA_PEM).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgII[A-Za-z0-9+/]{44}\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
  });
});
