import type { Grader } from '../src/grading/grader';
import { deployment, isRunningAndReady, podIpInNodeCidr, podsOfDeployment } from '../src/grading/queries';

/** Lesson 1, exercise 1: a three-replica Deployment with one pod on each worker. */

const NAMESPACE = 'default';
const NAME = 'web';
const REPLICAS = 3;

export const podIpsDeploy: Grader = {
  id: 'pod-ips/deploy',
  title: 'Three pods on three workers',
  checks: [
    {
      id: 'deployment',
      title: `A Deployment named ${NAME} asks for ${REPLICAS} replicas`,
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        if (!d) return { pass: false, feedback: `There is no Deployment "${NAME}" in the ${NAMESPACE} namespace yet. Apply web.yaml.` };
        const replicas = d.spec.replicas ?? 1;
        if (replicas !== REPLICAS) return { pass: false, feedback: `Deployment "${NAME}" asks for ${replicas} replicas; this exercise wants ${REPLICAS}.` };
        return { pass: true, feedback: `Deployment "${NAME}" asks for ${REPLICAS} replicas.` };
      },
    },
    {
      id: 'running',
      title: `${REPLICAS} ${NAME} pods are Running and Ready`,
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        const ready = d ? podsOfDeployment(cluster, d).filter(isRunningAndReady).length : 0;
        if (ready >= REPLICAS) return { pass: true, feedback: `${ready} pods are Running and Ready.` };
        return { pass: false, feedback: `${ready} of ${REPLICAS} pods are Running and Ready. Pulling the image and starting the container takes a few seconds: try sleep 5.` };
      },
    },
    {
      id: 'spread',
      title: 'The pods run on three different workers',
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        const nodes = new Set((d ? podsOfDeployment(cluster, d) : []).map((p) => p.spec.nodeName).filter((n) => n !== undefined));
        if (nodes.size >= REPLICAS) return { pass: true, feedback: `The scheduler spread them over ${[...nodes].sort().join(', ')}.` };
        return { pass: false, feedback: `The pods are on ${nodes.size} node(s) so far.` };
      },
    },
    {
      id: 'ips',
      title: "Each pod's IP comes from its node's podCIDR",
      run(cluster) {
        const d = deployment(cluster, NAMESPACE, NAME);
        const pods = d ? podsOfDeployment(cluster, d).filter((p) => p.status?.podIP) : [];
        if (pods.length < REPLICAS) return { pass: false, feedback: `${pods.length} of ${REPLICAS} pods have an IP yet.` };
        const outside = pods.filter((p) => !podIpInNodeCidr(cluster, p));
        if (outside.length > 0) return { pass: false, feedback: `${outside.map((p) => p.metadata.name).join(', ')} has an IP outside its node's podCIDR.` };
        return { pass: true, feedback: `Each IP is inside its node's range: ${pods.map((p) => `${p.status!.podIP} on ${p.spec.nodeName}`).join(', ')}.` };
      },
    },
  ],
  hints: [
    'The manifest is in your workspace: kubectl apply -f web.yaml creates the Deployment.',
    'Virtual time only moves when you let it: sleep 5, then kubectl get pods -o wide shows the pods Running, with their IP and NODE columns.',
  ],
  solution: ['kubectl apply -f web.yaml', 'sleep 5', 'kubectl get pods -o wide'],
};
