/**
 * kubectl and shell benchmarks (`npm run bench`): listing a 10,000-pod
 * cluster, and a 200-line transcript through `podlab sim` as a whole
 * process (start-up, boot of the default scenario, every command).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runKubectl } from '../src/kubectl/kubectl';
import { webYaml } from '../test/support/manifests';
import { buildSteadyCluster, header, median, medianMs, row } from './support';

const root = fileURLToPath(new URL('../', import.meta.url));

function listTenThousandPods(): void {
  const { cluster } = buildSteadyCluster(100, 100, 0);
  const env = { cluster, readFile: () => undefined, listDir: () => undefined };
  const first = runKubectl(['get', 'pods', '-A', '-o', 'wide'], env);
  const lines = first.stdout.split('\n').length - 1;
  if (first.exitCode !== 0 || lines < 10_000) throw new Error(`get pods printed ${lines} lines`);
  const ms = medianMs(7, () => runKubectl(['get', 'pods', '-A', '-o', 'wide'], env));
  row('kubectl get pods -A -o wide, 10,000 pods (median of 7)', `${ms.toFixed(1)} ms`, '< 100 ms');
}

/** A learner-like session of 200 lines: applies, lists, waits, deletes, mistakes. */
function transcript(): string {
  const block = [
    'kubectl apply -f web.yaml',
    'kubectl get deployments',
    'kubectl get pods -o wide',
    'sleep 5',
    'kubectl get pods -o wide',
    'kubectl get svc,ep',
    'kubectl get endpointslices',
    'kubectl get pods -A',
    'kubectl get nodes -o wide',
    'kubectl get pod nope',
    'kubectl delete -f web.yaml',
    'kubectl get events',
    'sleep 30',
    'kubectl get all',
    'kubectl get pods --no-headers',
    'kubectl get deploy -n kube-system',
    'kubectl get ds -A',
    'kubectl get ns',
    'kubectl get cm -A',
    'kubectl get pods -l app=web',
  ];
  const lines: string[] = [];
  while (lines.length < 200) lines.push(...block);
  return `${lines.slice(0, 200).join('\n')}\n`;
}


function simTranscript(): void {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-bench-'));
  try {
    writeFileSync(join(dir, 'web.yaml'), webYaml(3));
    const input = transcript();
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin/podlab.mjs'), 'sim', '--workspace', dir], { input, encoding: 'utf8' });
      samples.push(performance.now() - t0);
      if (r.status !== 0 || !r.stdout.includes('deployment.apps/web created')) throw new Error(`podlab sim failed: ${r.stderr}`);
    }
    row('podlab sim, 200-line transcript, whole process (median of 5)', `${median(samples).toFixed(0)} ms`, '< 1000 ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

header('podlab kubectl and shell benchmarks');
listTenThousandPods();
simTranscript();
