import { z } from 'zod';
import type { ClusterConfig } from './config';

/**
 * A scenario is the cluster a lesson starts from, as data: its nodes and
 * networks, and the objects already applied before the learner arrives
 * (so a lesson can start from a broken or half-built cluster). Scenario
 * files live in content/scenarios/ and are validated by this schema.
 */

const ipv4 = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}$/, 'must be an IPv4 address');
const cidr = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'must be an IPv4 CIDR');

const taintSchema = z.strictObject({
  key: z.string(),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

const nodeSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
  internalIP: ipv4,
  podCIDR: cidr,
  roles: z.array(z.string()).default([]),
  /** Defaults to the control-plane NoSchedule taint for control-plane nodes. */
  taints: z.array(taintSchema).optional(),
  labels: z.record(z.string(), z.string()).default({}),
  /**
   * Seconds after the cluster's boot that the node joins. kind starts the
   * control plane first and joins the workers once it is up, which is why
   * CoreDNS and local-path-provisioner land on the control-plane node.
   */
  joinAfterSeconds: z.number().int().min(0).default(0),
});

export const scenarioSchema = z.strictObject({
  name: z.string(),
  title: z.string(),
  description: z.string().default(''),
  kubernetesVersion: z.string().regex(/^v\d+\.\d+\.\d+$/).default('v1.34.0'),
  /** Virtual time at which the learner arrives. */
  startTime: z.iso.datetime().default('2026-01-05T09:00:00Z'),
  /** How long (seconds) the cluster has been running when the learner arrives. */
  uptimeSeconds: z.number().int().min(0).max(365 * 24 * 3600).default(600),
  clusterDomain: z.string().default('cluster.local'),
  serviceCIDR: cidr.default('10.96.0.0/12'),
  clusterCIDR: cidr.default('10.244.0.0/16'),
  clusterDNS: ipv4.default('10.96.0.10'),
  nodePortRange: z
    .string()
    .regex(/^\d+-\d+$/)
    .default('30000-32767'),
  proxyMode: z.enum(['iptables', 'ipvs']).default('iptables'),
  /**
   * A MetalLB-like L2 load-balancer controller and its IPAddressPool's
   * addresses (ranges `a.b.c.d-e.f.g.h` or CIDRs); without it LoadBalancer
   * Services stay `<pending>`, as on kind with no cloud provider.
   */
  loadBalancer: z
    .strictObject({
      implementation: z.literal('metallb'),
      addresses: z.array(z.union([cidr, z.string().regex(/^(\d{1,3}\.){3}\d{1,3}-(\d{1,3}\.){3}\d{1,3}$/, 'must be an IPv4 range or CIDR')])).min(1),
    })
    .optional(),
  apiServer: z
    .string()
    .regex(/^(\d{1,3}\.){3}\d{1,3}:\d+$/)
    .optional(),
  nodes: z.array(nodeSchema).min(1),
  /** Manifests applied, in order, before the learner starts. */
  objects: z.array(z.record(z.string(), z.unknown())).default([]),
});

export type Scenario = z.output<typeof scenarioSchema>;

export class ScenarioError extends Error {}

/** A scenario already parsed from YAML (the site converts the files at build time), checked by the same schema. */
export function scenarioFromData(data: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new ScenarioError(`${source}: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return result.data;
}

/** The cluster facts a scenario implies. */
export function configFromScenario(s: Scenario): ClusterConfig {
  const [min, max] = s.nodePortRange.split('-').map(Number) as [number, number];
  const controlPlane = s.nodes.find((n) => n.roles.includes('control-plane')) ?? s.nodes[0]!;
  const [apiIp, apiPort] = s.apiServer ? (s.apiServer.split(':') as [string, string]) : [controlPlane.internalIP, '6443'];
  return {
    kubernetesVersion: s.kubernetesVersion,
    clusterDomain: s.clusterDomain,
    serviceCIDR: s.serviceCIDR,
    clusterCIDR: s.clusterCIDR,
    clusterDNS: s.clusterDNS,
    nodePortRange: { min, max },
    proxyMode: s.proxyMode,
    ...(s.loadBalancer ? { loadBalancerPool: s.loadBalancer.addresses } : {}),
    apiServerEndpoint: { ip: apiIp, port: Number(apiPort) },
    nodes: s.nodes.map((n) => ({
      name: n.name,
      internalIP: n.internalIP,
      podCIDR: n.podCIDR,
      roles: n.roles,
      taints: n.taints ?? (n.roles.includes('control-plane') ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : []),
      labels: n.labels,
      joinAfterSeconds: n.joinAfterSeconds,
    })),
  };
}
