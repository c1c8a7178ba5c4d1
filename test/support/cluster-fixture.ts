import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cluster } from '../../src/cluster/cluster';
import { parseImageCatalogue, parseScenario } from '../../src/cluster/content-text';
import type { ImageCatalogue } from '../../src/cluster/images/catalogue';
import type { Scenario } from '../../src/cluster/scenario';

const root = fileURLToPath(new URL('../../', import.meta.url));

let catalogue: ImageCatalogue | undefined;

/** The project's image catalogue, parsed once per test file. */
export function testCatalogue(): ImageCatalogue {
  return (catalogue ??= parseImageCatalogue(readFileSync(`${root}content/images.yaml`, 'utf8')));
}

export function loadScenarioFile(name: string): Scenario {
  return parseScenario(readFileSync(`${root}content/scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);
}

/** A cluster booted from a scenario file of the project. */
export function bootCluster(scenario = 'default', seed = 1): Cluster {
  return Cluster.create({ scenario: loadScenarioFile(scenario), seed, catalogue: testCatalogue() });
}

/** A small scenario with one control plane and `workers` workers and no system objects. */
export function bareScenario(workers = 3): Scenario {
  const nodes = [
    { name: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', roles: ['control-plane'] },
    ...Array.from({ length: workers }, (_, i) => ({
      name: `worker-${i + 1}`,
      internalIP: `172.18.0.${i + 3}`,
      podCIDR: `10.244.${i + 1}.0/24`,
      roles: [],
    })),
  ];
  return parseScenario(JSON.stringify({ name: 'bare', title: 'bare', nodes, uptimeSeconds: 0 }));
}

export function bareCluster(seed = 1, workers = 3): Cluster {
  return Cluster.create({ scenario: bareScenario(workers), seed, catalogue: testCatalogue() });
}
