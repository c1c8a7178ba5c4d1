import type { FieldError } from './errors';
import type { KubeObject } from './types';

/** STUB (the validation work replaces this): field errors for a create (old undefined) or an update. */
export function validateObject(_obj: KubeObject, _old?: KubeObject): FieldError[] {
  return [];
}
