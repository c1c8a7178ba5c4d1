import type { ObjectMeta } from './types';

/**
 * Metadata for an object about to be created: the apiserver fills uid,
 * resourceVersion and creationTimestamp, so a draft leaves them empty.
 */
export function draftMeta(meta: Partial<ObjectMeta>): ObjectMeta {
  return { name: '', uid: '', resourceVersion: '', creationTimestamp: '', ...meta };
}
