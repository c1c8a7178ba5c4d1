import type { ApiError } from '../cluster/api/errors';
import type { Message } from './messages';

/**
 * An error a kubectl command ends with, as data. It mirrors the Go errors
 * kubectl's checkErr receives: an apiserver Status (with the `error when
 * creating "f.yaml"` source kubectl adds), a client-side error, or an
 * aggregate of several (utilerrors.Aggregate), which prints differently.
 */
export type KubectlError =
  | { type: 'client'; message: Message }
  | { type: 'api'; error: ApiError; source?: { verb: 'creating' | 'patching' | 'deleting'; file: string } }
  | { type: 'aggregate'; errors: KubectlError[] };

export function clientError(message: Message): KubectlError {
  return { type: 'client', message };
}

export function apiError(error: ApiError, source?: { verb: 'creating' | 'patching' | 'deleting'; file: string }): KubectlError {
  return source ? { type: 'api', error, source } : { type: 'api', error };
}

/** What a command returning `errs` hands to checkErr: nothing, the one error, or their aggregate. */
export function combineErrors(errs: KubectlError[]): KubectlError | undefined {
  if (errs.length === 0) return undefined;
  if (errs.length === 1) return errs[0];
  return { type: 'aggregate', errors: errs };
}
