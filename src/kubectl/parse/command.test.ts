import { describe, expect, it } from 'vitest';
import { message } from '../messages';
import { parseCommand, type Command, type DeleteCommand, type GetCommand } from './command';

function command(...argv: string[]): Command {
  const r = parseCommand(argv);
  if (!r.ok) throw new Error(`expected ${argv.join(' ')} to parse`);
  return r.command;
}
const failure = (...argv: string[]) => parseCommand(argv);

describe('parseCommand', () => {
  it('parses get with its flags, global flags before or after the command', () => {
    const get = command('-n', 'kube-system', 'get', 'pods', '-owide', '--show-labels') as GetCommand;
    expect(get).toMatchObject({ verb: 'get', namespace: 'kube-system', output: 'wide', showLabels: true, allNamespaces: false, noHeaders: false });
    expect(get.targets).toMatchObject({ form: 'types', names: [] });
    expect(command('get', 'pods', '-A', '-l', 'app=web')).toMatchObject({ allNamespaces: true, selector: [{ key: 'app', op: '=', value: 'web' }] });
  });

  it('gives help for no command and for --help', () => {
    expect(command()).toEqual({ verb: 'help', topic: 'kubectl' });
    expect(command('get', '--help')).toEqual({ verb: 'help', topic: 'get' });
    expect(command('delete', '-h')).toEqual({ verb: 'help', topic: 'delete' });
  });

  it('says which kubectl commands and flags this cluster does not simulate', () => {
    expect(failure('explain', 'pods')).toEqual({ ok: false, error: message('notAvailable', 'kubectl explain') });
    expect(failure('get', 'pods', '--watch-only')).toEqual({ ok: false, error: message('notAvailable', 'kubectl get --watch-only') });
    expect(failure('get', 'pods', '-o', 'go-template-file=t.tmpl')).toEqual({ ok: false, error: message('notAvailable', 'kubectl get -o go-template-file') });
    expect(failure('create', 'deployment', 'web', '--image=nginx')).toEqual({ ok: false, error: message('notAvailable', 'kubectl create deployment') });
  });

  it('refuses unknown commands with cobra suggestions', () => {
    expect(failure('frobnicate')).toEqual({ ok: false, error: message('unknownCommand', 'frobnicate', []) });
    expect(failure('gt', 'pods')).toEqual({ ok: false, error: message('unknownCommand', 'gt', ['cp', 'get', 'set']) });
    expect(failure('delet')).toEqual({ ok: false, error: message('unknownCommand', 'delet', ['delete']) });
  });

  it("words get's usage errors as kubectl does", () => {
    expect(failure('get')).toEqual({ ok: false, error: message('requiredResourceNotSpecified'), notice: message('specifyResourceType') });
    expect(failure('get', 'pods', '-o', 'yml')).toMatchObject({ ok: false, error: { id: 'unsupportedOutput', args: ['yml', expect.any(Array)] } });
    expect(failure('get', 'pod', 'web', '-l', 'app=web')).toEqual({ ok: false, error: message('nameWithSelector') });
    expect(failure('get', 'pod', 'web', '-A')).toEqual({ ok: false, error: message('nameAcrossNamespaces') });
    expect(failure('get', 'flurbs')).toEqual({ ok: false, error: message('unknownResourceType', 'flurbs') });
  });

  it('parses apply and create', () => {
    expect(command('apply', '-f', 'a.yaml', '-f', 'dir/', '--dry-run=server', '-n', 'dev')).toEqual({
      verb: 'apply',
      filenames: ['a.yaml', 'dir/'],
      namespace: 'dev',
      dryRun: 'server',
      output: '',
    });
    expect(command('create', '-f', 'a.yaml', '-o', 'name')).toMatchObject({ verb: 'create', output: 'name', dryRun: 'none' });
    expect(failure('apply')).toEqual({ ok: false, error: message('mustSpecifyFilename') });
    expect(failure('apply', '-f', 'a.yaml', '--dry-run=maybe')).toEqual({ ok: false, error: message('invalidDryRun', 'maybe') });
  });

  it('resolves delete grace periods as kubectl does', () => {
    const grace = (...flags: string[]) => (command('delete', 'pod', 'web', ...flags) as DeleteCommand).gracePeriod;
    expect(grace()).toBe(-1);
    expect(grace('--now')).toBe(1);
    expect(grace('--grace-period=0')).toBe(1);
    expect(grace('--grace-period=0', '--force')).toBe(0);
    expect(grace('--force')).toBe(0);
    expect(grace('--grace-period=5')).toBe(5);
    expect(failure('delete', 'pod', 'web', '--now', '--grace-period=3')).toEqual({ ok: false, error: message('nowWithGracePeriod') });
    expect(failure('delete', 'pod', 'web', '--force', '--grace-period=3')).toEqual({ ok: false, error: message('forceWithGracePeriod') });
  });

  it("words delete's usage errors as kubectl does", () => {
    expect(failure('delete')).toEqual({ ok: false, error: message('missingResource') });
    expect(failure('delete', 'pods')).toEqual({ ok: false, error: message('noNameSpecified') });
    expect(failure('delete', 'pods', '--all', '-l', 'a=b')).toEqual({ ok: false, error: message('allWithSelector') });
    expect(failure('delete', 'pod', 'web', '-o', 'yaml')).toEqual({ ok: false, error: message('deleteOutputMode', 'yaml') });
  });

  it('ignores NotFound for --all and -l, and waits unless told not to', () => {
    expect(command('delete', 'pods', '--all')).toMatchObject({ all: true, ignoreNotFound: true, wait: true });
    expect(command('delete', 'pod', 'web', '--wait=false')).toMatchObject({ ignoreNotFound: false, wait: false });
    expect(command('delete', '-f', 'web.yaml')).toMatchObject({ filenames: ['web.yaml'] });
  });
});
