import type { ApiError } from '../../cluster/api/errors';
import type { KubectlError } from '../errors';
import { renderMessage } from '../messages';
import { line } from '../output';

/** The error's own text (Go's err.Error()): an apiserver message with its source, or the raw client text. */
function errorText(e: KubectlError): string {
  switch (e.type) {
    case 'client':
      return renderMessage(e.message);
    case 'api':
      return withSource(e);
    case 'aggregate':
      // utilerrors.Aggregate.Error(): one error as itself, several in brackets.
      return e.errors.length === 1 ? errorText(e.errors[0]!) : `[${e.errors.map(errorText).join(', ')}]`;
  }
}

/** cmdutil.AddSourceToErr: `error when creating "f.yaml": <message>`. */
function withSource(e: Extract<KubectlError, { type: 'api' }>): string {
  return e.source ? `error when ${e.source.verb} "${e.source.file}": ${e.error.message}` : e.error.message;
}

/** StandardErrorMessage: `Error from server (Reason): message` for apiserver errors. */
function standardMessage(e: KubectlError): string {
  if (e.type === 'api') return `Error from server (${e.error.reason}): ${withSource(e)}`;
  return errorText(e);
}

/** The Invalid special path: rebuilt from the Status details, one `* cause` line each when several. */
function invalidMessage(error: ApiError): string {
  const details = error.details;
  const head = details?.kind || details?.name ? `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid` : 'The request is invalid';
  // statusCausesToAggrError: `field: message`, duplicates dropped.
  const causes = [...new Set((details?.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
  // Without kind, name or causes the server's message is all there is, so kubectl adds it.
  if (causes.length === 0) return !details?.kind && !details?.name && error.message ? `${head}: ${error.message}\n` : `${head}\n`;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/**
 * What kubectl's checkErr prints on stderr for the error a command ended
 * with (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go): an aggregate
 * of one is unwrapped once; an aggregate prints one line per error, each
 * as StandardErrorMessage words it; a lone Invalid error is rebuilt from
 * its causes; anything else gets `error: ` in front unless it has it.
 */
export function renderError(error: KubectlError): string {
  const e = error.type === 'aggregate' && error.errors.length === 1 ? error.errors[0]! : error;
  if (e.type === 'aggregate') return e.errors.map((x) => line(standardMessage(x))).join('');
  if (e.type === 'api') return e.error.reason === 'Invalid' ? invalidMessage(e.error) : line(standardMessage(e));
  const text = errorText(e);
  return line(text.startsWith('error: ') ? text : `error: ${text}`);
}
