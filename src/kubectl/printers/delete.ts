import { kindPrefix } from '../../cluster/api/resources';
import type { DeleteResult } from '../commands/delete';
import { message, renderMessage } from '../messages';
import { err, line, out, type Chunk } from '../output';
import { renderError } from './errors';

/** `kubectl delete` output: v1.34's `pod "web" deleted from default namespace` lines, warnings, then errors. */
export function printDelete(result: DeleteResult): Chunk[] {
  const { command } = result;
  const chunks: Chunk[] = result.preface.map((m) => err(line(renderMessage(m))));
  for (const e of result.events) {
    if (e.type === 'warning') {
      chunks.push(err(line(renderMessage(e.message))));
    } else if (command.outputName) {
      chunks.push(out(`${kindPrefix(e.info)}/${e.name}\n`));
    } else {
      chunks.push(out(line(renderMessage(message('deleted', kindPrefix(e.info), e.name, e.namespace, command.gracePeriod === 0, command.dryRun)))));
    }
  }
  if (result.nothingFound) chunks.push(out(line(renderMessage(message('noResources')))));
  if (result.error) chunks.push(err(renderError(result.error)));
  return chunks;
}
