import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../test/support/cluster-fixture';
import { memoryEnv } from './commands/env.fixture';
import { runKubectl } from './kubectl';

const pod = (name: string, labels: Record<string, string>, node?: string) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'c', image: 'nginx:1.27' }] } });

/** Three pods pinned to nodes (so the seed does not matter), settled and Running. */
function env() {
  const e = memoryEnv(bareCluster(), {
    'a.yaml': pod('alpha', { app: 'web', tier: 'front' }, 'worker-2'),
    'b.yaml': pod('beta', { app: 'web' }, 'worker-1'),
    'c.yaml': pod('gamma', { app: 'db', 'example.com/team': 'data' }, 'worker-1'),
    'cm.yaml': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } }),
  });
  runKubectl(['apply', '-f', 'a.yaml', '-f', 'b.yaml', '-f', 'c.yaml', '-f', 'cm.yaml'], e);
  e.cluster.advance(10_000);
  return e;
}
const run = (e: ReturnType<typeof env>, ...argv: string[]) => runKubectl(argv, e);

describe('kubectl get: output formats and filters', () => {
  const e = env();

  it('-o jsonpath prints the template over a List, with no newline of its own', () => {
    expect(run(e, 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}').stdout).toBe('alpha beta gamma');
    expect(run(e, 'get', 'pod', 'beta', '-o', 'jsonpath={.spec.nodeName}').stdout).toBe('worker-1');
    expect(run(e, 'get', 'pod', 'beta', '-o', 'jsonpath', '--template={.metadata.labels.app}').stdout).toBe('web');
    expect(run(e, 'get', 'pods', '-o', 'jsonpath={range .items[?(@.spec.nodeName=="worker-1")]}{.metadata.name}{"\\n"}{end}').stdout).toBe('beta\ngamma\n');
  });

  it('-o jsonpath errors are kubectl\'s', () => {
    expect(run(e, 'get', 'pods', '-o', 'jsonpath={.items[}')).toMatchObject({ stdout: '', stderr: 'error: error parsing jsonpath {.items[}, unterminated array\n', exitCode: 1 });
    expect(run(e, 'get', 'pods', '-o', 'jsonpath=')).toMatchObject({ stderr: 'error: template format specified but no template given\n', exitCode: 1 });
    const r = run(e, 'get', 'pods', '-o', 'jsonpath={.items[9]}');
    expect(r.stderr).toMatch(/^error: error executing jsonpath "\{\.items\[9\]\}": Error executing template: array index out of bounds: index 9, length 3\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.items\[9\]\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "items":/);
    expect(r.stderr.endsWith('"kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n')).toBe(true);
  });

  it('-o custom-columns prints a table of JSONPath columns, <none> where nothing is found', () => {
    expect(run(e, 'get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,NODE:spec.nodeName,TEAM:{.metadata.labels.example\\.com/team}').stdout).toBe(
      'NAME    NODE       TEAM\nalpha   worker-2   <none>\nbeta    worker-1   <none>\ngamma   worker-1   data\n',
    );
    expect(run(e, 'get', 'pods', '--no-headers', '-o', 'custom-columns=N:.metadata.name').stdout).toBe('alpha\nbeta\ngamma\n');
    expect(run(e, 'get', 'pods', '-o', 'custom-columns=NAME').stderr).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
    expect(run(e, 'get', 'pods', '-o', 'custom-columns=').stderr).toBe('error: custom-columns format specified but no custom columns given\n');
    // Nothing to list: the header alone, and no "No resources found".
    expect(run(e, 'get', 'pods', '-n', 'empty', '-o', 'custom-columns=NAME:.metadata.name')).toMatchObject({ stdout: 'NAME\n', stderr: '' });
  });

  it('-L adds a column for each label key, --show-labels all labels last', () => {
    const lines = run(e, 'get', 'pods', '-L', 'app', '-L', 'example.com/team,tier', '--show-labels').stdout.split('\n');
    expect(lines[0]).toBe('NAME    READY   STATUS    RESTARTS   AGE   APP   TEAM   TIER    LABELS');
    expect(lines[1]).toBe('alpha   1/1     Running   0          10s   web          front   app=web,tier=front');
    expect(lines[3]).toBe('gamma   1/1     Running   0          10s   db    data           app=db,example.com/team=data');
  });

  it('--sort-by orders rows by a JSONPath field, in any of its spellings', () => {
    const names = (...argv: string[]) => run(e, 'get', 'pods', '-o', 'name', ...argv).stdout;
    expect(names('--sort-by=.spec.nodeName')).toBe('pod/beta\npod/gamma\npod/alpha\n');
    expect(names('--sort-by={.metadata.labels.app}')).toBe('pod/gamma\npod/alpha\npod/beta\n');
    expect(run(e, 'get', 'pods', '--sort-by=spec.nodeName').stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['NAME', 'beta', 'gamma', 'alpha', '']);
    expect(run(e, 'get', 'pods', '--sort-by=.status.nope')).toMatchObject({ stderr: 'error: couldn\'t find any field with path "{.status.nope}" in the list of objects\n', exitCode: 1 });
  });

  it('--field-selector filters with =, == and !=, and names unsupported fields as the apiserver does', () => {
    const names = (selector: string) => run(e, 'get', 'pods', '-o', 'name', `--field-selector=${selector}`).stdout;
    expect(names('spec.nodeName=worker-1')).toBe('pod/beta\npod/gamma\n');
    expect(names('spec.nodeName==worker-1,metadata.name!=beta')).toBe('pod/gamma\n');
    expect(names('status.phase!=Running')).toBe('');
    expect(run(e, 'get', 'pods', '--field-selector', 'spec.image=nginx')).toMatchObject({
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.image=nginx": field label not supported: spec.image\n',
      exitCode: 1,
    });
    expect(run(e, 'get', 'deploy', '-l', 'app=web', '--field-selector', 'status.phase=Running').stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app=web", field selector "status.phase=Running": field label not supported: status.phase\n',
    );
    expect(run(e, 'get', 'pods', '--field-selector', 'nonsense').stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "nonsense": invalid selector: \'nonsense\'; can\'t understand \'nonsense\'\n',
    );
  });

  it('-l takes =, ==, !=, in, notin, key and !key', () => {
    const names = (selector: string) => run(e, 'get', 'pods', '-o', 'name', '-l', selector).stdout;
    expect(names('app=web')).toBe('pod/alpha\npod/beta\n');
    expect(names('app==db')).toBe('pod/gamma\n');
    expect(names('app!=web')).toBe('pod/gamma\n');
    expect(names('app in (db,cache)')).toBe('pod/gamma\n');
    expect(names('app notin (db)')).toBe('pod/alpha\npod/beta\n');
    expect(names('tier')).toBe('pod/alpha\n');
    expect(names('!tier,app')).toBe('pod/beta\npod/gamma\n');
  });

  it('-w prints the table once and flags the result for the terminal to keep watching', () => {
    const r = run(e, 'get', 'pods', '-w', '-l', 'app=db');
    expect(r).toMatchObject({ stdout: 'NAME    READY   STATUS    RESTARTS   AGE\ngamma   1/1     Running   0          10s\n', exitCode: 0, watch: true });
    expect(run(e, 'get', 'pods', '-n', 'empty', '--watch')).toEqual({ stdout: '', stderr: '', combined: '', exitCode: 0, watch: true });
    expect(run(e, 'get', 'pods,svc', '-w')).toMatchObject({ stderr: 'error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n', exitCode: 1 });
    expect(run(e, 'get', 'pods').watch).toBeUndefined();
  });
});

describe('kubectl describe', () => {
  const e = env();

  it('describes one object, a whole type, by label, and by name prefix', () => {
    const one = run(e, 'describe', 'pod', 'beta');
    expect(one.stdout.startsWith('Name:             beta\nNamespace:        default\nPriority:         0\n')).toBe(true);
    // A pod created with spec.nodeName skips the scheduler: the kubelet's events only.
    expect(one.stdout).toMatch(/\nEvents:\n  Type    Reason   Age   From     Message\n  ----    ------   ----  ----     -------\n  Normal  Pulling  10s   kubelet  Pulling image "nginx:1.27"\n/);
    const all = run(e, 'describe', 'pods').stdout;
    expect(all.split(/^Name: /m)).toHaveLength(4);
    // Descriptions are separated by one blank line.
    expect(all).toContain('\n\nName:             beta\n');
    expect(run(e, 'describe', 'pods', '-l', 'app=db').stdout).toMatch(/^Name:             gamma\n/);
    // `describe TYPE PREFIX`: no pod named "al", so every pod whose name starts with it, each followed by a blank line.
    const prefix = run(e, 'describe', 'pods', 'al');
    expect(prefix.stdout).toMatch(/^Name:             alpha\n[\s\S]*\n\n$/);
    expect(prefix.exitCode).toBe(0);
  });

  it('leaves out events with --show-events=false', () => {
    expect(run(e, 'describe', 'pod/alpha', '--show-events=false').stdout).not.toContain('Events');
  });

  it("prints kubectl's errors and notices", () => {
    expect(run(e, 'describe', 'pod', 'zeta')).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): pods "zeta" not found\n', exitCode: 1 });
    expect(run(e, 'describe', 'svc', '-n', 'nowhere')).toMatchObject({ stderr: 'No resources found in nowhere namespace.\n', exitCode: 0 });
    expect(run(e, 'describe')).toMatchObject({
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(run(e, 'describe', 'pods', 'alpha', '-l', 'app=web').stderr).toBe('error: name cannot be provided when a selector is specified\n');
    // The apiserver parses -l: a bad one fails the list request, as kubectl's EnhanceListError words it.
    expect(run(e, 'describe', 'pods', '-l', 'app in web')).toMatchObject({ stderr: expect.stringMatching(/^Error from server \(BadRequest\): Unable to find "\/v1, Resource=pods" that match label selector "app in web", field selector "": unable to parse requirement: /), exitCode: 1 });
    // Events have no describer of their own: kubectl's generic one prints every field.
    expect(run(e, 'describe', 'events').stdout).toMatch(/^Name: {13}\S+\nNamespace: {8}default\nLabels: {11}<none>\nAnnotations: {6}<none>\nAPI Version: {6}v1\nCount: {12}1\n/);
    expect(run(e, 'describe', 'cm', 'settings').stdout).toMatch(/^Name:         settings\n/);
    expect(run(e, 'describe', 'endpoints', '-n', 'empty').stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNo resources found in empty namespace.\n');
  });

  it('prints help in kubectl layout', () => {
    const help = run(e, 'describe', '--help').stdout;
    expect(help.startsWith('Show details of a specific resource or group of resources.\n')).toBe(true);
    expect(help).toContain('\nOptions:\n    -A, --all-namespaces=false:\n\t');
    expect(help).toContain('\nUsage:\n  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]\n');
    expect(run(e, 'get', '-h').stdout).toContain('    --sort-by=\'\':\n\t');
  });
});

describe('get and describe on arbitrary input', () => {
  const e = env();
  const tokens = ['get', 'describe', 'pods', 'po/alpha', 'svc', 'nodes', 'events', 'cm', '-o', 'jsonpath={.items[*]}', 'jsonpath={range .items[*]}{end}', 'custom-columns=A:.x,B:{.y[0]}', 'custom-columns=:', '--sort-by', '.metadata.name', '{.a[}', '-L', 'app', '--field-selector', 'a=b,!c', '-l', 'a in (', '-w', '-A', '--show-events=false', 'alpha', 'al', '--template', '{x}', '-n', 'kube-system'];
  it('never fails as a simulation defect, whatever the arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 7 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }), (argv, extra) => {
        const r = runKubectl([...argv, ...extra], e);
        expect(r.stderr).not.toContain('a Podlab bug');
      }),
      { numRuns: 300 },
    );
  });
});
