import type { Grader } from '../src/grading/grader';
import { deployment, isReplacement, isRunningAndReady, podIpInNodeCidr, podsOfDeployment } from '../src/grading/queries';

/** Lesson 1, exercise 2: delete a pod, watch the ReplicaSet replace it with a new pod and a new IP. */

const NAMESPACE = 'default';
const NAME = 'web';
const REPLICAS = 3;

export const podIpsReplace: Grader = {
  id: 'pod-ips/replace',
  title: 'A replaced pod gets a new IP',
  checks: [
    {
      id: 'replaced',
      title: `A ${NAME} pod was deleted and replaced`,
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        const replacements = d ? podsOfDeployment(cluster, d).filter((p) => isReplacement(cluster, p)) : [];
        if (replacements.length === 0) return { pass: false, feedback: `Every ${NAME} pod is still one of the first three. Delete one with kubectl delete pod NAME.` };
        return { pass: true, feedback: `${replacements.map((p) => p.metadata.name).join(', ')} came later, made by the ReplicaSet.` };
      },
    },
    {
      id: 'ready-again',
      title: `${REPLICAS} ${NAME} pods are Running and Ready again`,
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        const pods = d ? podsOfDeployment(cluster, d) : [];
        const ready = pods.filter(isRunningAndReady).length;
        const anyReplacement = pods.some((p) => isReplacement(cluster, p));
        if (ready >= REPLICAS && anyReplacement) return { pass: true, feedback: `${ready} pods are Running and Ready, the replacement among them.` };
        return { pass: false, feedback: `${ready} of ${REPLICAS} pods are Running and Ready${anyReplacement ? '' : ', and none is a replacement yet'}.` };
      },
    },
    {
      id: 'new-ip',
      title: "The replacement has an IP of its own from its node's podCIDR",
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        const pods = d ? podsOfDeployment(cluster, d) : [];
        const replacement = pods.find((p) => isReplacement(cluster, p) && p.status?.podIP);
        if (!replacement) return { pass: false, feedback: 'No replacement pod has an IP yet.' };
        const ip = replacement.status!.podIP!;
        const sharing = pods.filter((p) => p !== replacement && p.status?.podIP === ip);
        if (sharing.length > 0 || !podIpInNodeCidr(cluster, replacement)) return { pass: false, feedback: `${replacement.metadata.name} has ${ip}, which is not an address of its own in its node's range.` };
        return { pass: true, feedback: `${replacement.metadata.name} got ${ip} on ${replacement.spec.nodeName}: a new pod, a new IP.` };
      },
    },
  ],
  hints: [
    'kubectl get pods -o wide lists the pod names; copy one.',
    'kubectl delete pod web-… deletes it; the ReplicaSet notices one pod missing and creates another. sleep 5, then look again with -o wide.',
  ],
  solution: ['kubectl get pods -o wide', 'kubectl delete pod -l app=web', 'sleep 5', 'kubectl get pods -o wide'],
};
