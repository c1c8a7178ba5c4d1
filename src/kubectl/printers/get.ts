import { kindPrefix } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import type { GetGroup, GetResult } from '../commands/get';
import { clientError } from '../errors';
import { runGoTemplate } from '../gotemplate/gotemplate';
import { goSyntax, parseTemplate, runTemplate } from '../jsonpath/index';
import { message, renderMessage, type Message } from '../messages';
import { parseCustomColumns, printCustomColumns } from './custom-columns';
import { err, line, out, type Chunk } from '../output';
import { asList, toJson, toYaml } from './documents';
import { renderError } from './errors';
import { labelsText } from './format';
import type { KindPrinter } from './kind-printer';
import { printerFor } from './kinds';
import { scalePrinter } from './scale';
import { formatTable } from './table';

type Templated = { ok: true; text: string } | { ok: false; error: Message };

/** The object -o jsonpath runs on: the one named, or a List of all, as plain JSON. */
function genericDocument(result: GetResult, objects: readonly KubeObject[]): unknown {
  const doc = result.singleItem && objects.length === 1 ? objects[0] : asList(objects);
  return JSON.parse(JSON.stringify(doc)) as unknown;
}

function jsonPathOutput(result: GetResult, objects: readonly KubeObject[]): Templated {
  const template = result.command.template ?? '';
  const parsed = parseTemplate(template);
  if (!parsed.ok) return { ok: false, error: message('jsonPathParse', template, parsed.detail) };
  const data = genericDocument(result, objects);
  const ran = runTemplate(parsed.root, data);
  return ran.ok ? { ok: true, text: ran.text } : { ok: false, error: message('jsonPathExecute', template, ran.detail, goSyntax(data)) };
}

function goTemplateOutput(result: GetResult, objects: readonly KubeObject[]): Templated {
  const template = result.command.template ?? '';
  const ran = runGoTemplate(template, genericDocument(result, objects));
  if (ran.ok) return ran;
  if ('parseError' in ran) return { ok: false, error: message('goTemplateParse', template, ran.parseError) };
  return { ok: false, error: message('notAvailable', `kubectl get -o go-template with {{${ran.unsupported}}}`) };
}

function customColumnsOutput(result: GetResult, objects: readonly KubeObject[]): Templated {
  const spec = parseCustomColumns(result.command.template ?? '');
  if (!spec.ok) return spec;
  return { ok: true, text: printCustomColumns(spec.columns, objects, result.command.noHeaders) };
}

/** The table printer cuts a cell at its first line break and marks the cut with `...`. */
function cellText(text: string): string {
  const cut = text.search(/[\f\n\r]/);
  return cut === -1 ? text : `${text.slice(0, cut)}...`;
}

function table(group: GetGroup, result: GetResult): string {
  const { command, withKind, now } = result;
  const wide = command.output === 'wide';
  const printer = result.command.subresource === 'scale' ? (scalePrinter as KindPrinter) : printerFor(group.info.kind);
  const withNamespace = command.allNamespaces && group.info.namespaced;
  const nameColumn = printer.nameColumn(wide);
  const rows = group.objects.map((obj: KubeObject) => {
    const cells = printer.row(obj, now, wide).map(cellText);
    if (withKind && nameColumn !== undefined) cells[nameColumn] = `${kindPrefix(group.info)}/${cells[nameColumn]}`;
    const labelCells = command.labelColumns.map((key) => obj.metadata.labels?.[key] ?? '');
    return [...(withNamespace ? [obj.metadata.namespace ?? ''] : []), ...cells, ...labelCells, ...(command.showLabels ? [labelsText(obj.metadata.labels)] : [])];
  });
  // formatLabelHeaders: the last segment of each -L key, upper-cased.
  const labelHeaders = command.labelColumns.map((key) => key.split('/').at(-1)!.toUpperCase());
  const headers = [...(withNamespace ? ['NAMESPACE'] : []), ...printer.headers(wide), ...labelHeaders, ...(command.showLabels ? ['LABELS'] : [])];
  return formatTable(command.noHeaders ? rows : [headers, ...rows]);
}

/**
 * `kubectl get` output (get.go Run and printGeneric): warnings first;
 * tables with a blank line between resources; -o yaml|json as the object
 * or a List; -o name as `kind/name` lines; "No resources found" on stderr
 * when nothing was printed and nothing failed; errors last.
 */
export function printGet(result: GetResult): Chunk[] {
  const chunks: Chunk[] = result.warnings.map((w) => err(line(renderMessage(w))));
  const { command } = result;
  const objects = result.groups.flatMap((g) => g.objects);
  const error = result.error ? [err(renderError(result.error))] : [];
  if (command.output === 'yaml' || command.output === 'json') {
    // A single object asked for by name prints as itself; a failure to find it prints only the error.
    if (result.singleItem && result.error) return [...chunks, ...error];
    const doc = result.singleItem && objects.length === 1 ? objects[0] : asList(objects);
    return [...chunks, out(command.output === 'yaml' ? toYaml(doc) : toJson(doc)), ...error];
  }
  if (command.output === 'jsonpath' || command.output === 'custom-columns' || command.output === 'go-template') {
    // printGeneric: a lone object asked for by name that is missing prints only its error.
    if (result.singleItem && result.error) return [...chunks, ...error];
    const templated = command.output === 'jsonpath' ? jsonPathOutput(result, objects) : command.output === 'go-template' ? goTemplateOutput(result, objects) : customColumnsOutput(result, objects);
    if (!templated.ok) return [...chunks, err(renderError(clientError(templated.error)))];
    return [...chunks, ...(templated.text ? [out(templated.text)] : []), ...error];
  }
  if (command.output === 'name') {
    const prefix = (g: GetGroup) => (command.subresource === 'scale' ? 'scale.autoscaling' : kindPrefix(g.info));
    const names = result.groups.flatMap((g) => g.objects.map((o) => `${prefix(g)}/${o.metadata.name}\n`));
    return [...chunks, ...(names.length > 0 ? [out(names.join(''))] : []), ...error];
  }
  const tables = result.groups.filter((g) => g.objects.length > 0).map((g) => table(g, result));
  if (tables.length > 0) chunks.push(out(tables.join(command.noHeaders ? '' : '\n')));
  // A watch prints what there is, even nothing, and says nothing more.
  if (tables.length === 0 && !result.error && !command.ignoreNotFound && !command.watch) {
    const notice = result.allNamespaced ? message('noResourcesInNamespace', result.namespace) : message('noResources');
    chunks.push(err(line(renderMessage(notice))));
  }
  return [...chunks, ...error];
}
