import { kindPrefix } from '../../cluster/api/resources';
import type { WriteResult } from '../commands/apply';
import { message, renderMessage } from '../messages';
import { err, line, out, type Chunk } from '../output';
import { toJson, toYaml } from './documents';
import { renderError } from './errors';

/**
 * `kubectl apply|create -f` output: a line per object as it is written
 * (`service/web created`), or the objects with -o yaml|json|name; then the
 * errors. The YAML printer separates documents with `---`.
 */
export function printWrite(result: WriteResult): Chunk[] {
  const { output, dryRun } = result.command;
  let documents = 0;
  const chunks: Chunk[] = result.events.map((e) => {
    if (e.type === 'warning') return err(line(renderMessage(e.message)));
    const kind = kindPrefix(e.info);
    const name = e.object.metadata.name;
    if (output === 'name') return out(`${kind}/${name}\n`);
    if (output === 'yaml') return out(`${documents++ > 0 ? '---\n' : ''}${toYaml(e.object)}`);
    if (output === 'json') return out(toJson(e.object));
    return out(line(renderMessage(message('applied', kind, name, e.operation, dryRun))));
  });
  if (result.error) chunks.push(err(renderError(result.error)));
  return chunks;
}
