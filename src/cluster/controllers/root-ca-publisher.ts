import type { ConfigMap } from '../api/types';
import { isApiError } from '../api/errors';
import { draftMeta } from '../api/meta';
import { SeededRandom } from '../random';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import type { WatchEvent } from '../store/object-store';

/** The ConfigMap every namespace gets (rootcacertpublisher.RootCACertConfigMapName). */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** The one annotation the publisher keeps on it, with the controller's wording. */
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * The cluster CA as `ca.crt` holds it: PEM armour around base64 the length
 * of kubeadm's 2048-bit RSA CA (which opens `MIIDBTCCAe2gAwIBAgII`).
 * Not a parseable certificate; the same bytes in every cluster, from a
 * generator of its own so the cluster's random choices stay as they were.
 */
export const ROOT_CA_PEM: string = (() => {
  const rng = new SeededRandom(0x6b696e64);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const body = 'MIIDBTCCAe2gAwIBAgII' + rng.string(1048, alphabet) + 'Ag==';
  const lines = body.match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
})();

/**
 * The root-ca-cert-publisher of kube-controller-manager: every active
 * namespace has a `kube-root-ca.crt` ConfigMap with the cluster CA, put
 * back when deleted and reset when its data or annotation is changed.
 */
export class RootCaPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';
  readonly queue = new WorkQueue();

  constructor(private readonly ctx: ControllerContext) {}

  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Namespace' && event.type !== 'DELETED') this.queue.add(obj.metadata.name);
    else if (obj.kind === 'ConfigMap' && obj.metadata.name === ROOT_CA_CONFIGMAP && obj.metadata.namespace) this.queue.add(obj.metadata.namespace);
  }

  sync(namespace: string): void {
    const ns = this.ctx.store.get('Namespace', undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    const cm = this.ctx.store.get('ConfigMap', namespace, ROOT_CA_CONFIGMAP);
    const data = { 'ca.crt': ROOT_CA_PEM };
    try {
      if (!cm) {
        this.ctx.api.createSystem<ConfigMap>({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: draftMeta({ name: ROOT_CA_CONFIGMAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } }),
          data,
        });
        return;
      }
      const dataMatches = Object.keys(cm.data ?? {}).length === 1 && cm.data?.['ca.crt'] === ROOT_CA_PEM;
      if (dataMatches && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return;
      this.ctx.api.updateSystem<ConfigMap>({ ...cm, data, metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION } } });
    } catch (e) {
      // A namespace going away between the read and the write: nothing to publish.
      if (!isApiError(e)) throw e;
    }
  }
}
