import { badRequest } from './errors';
import { isKnownKind } from './resources';
import type { KubeObject } from './types';

/**
 * STUB (the manifest decoder replaces this): turns one parsed manifest
 * document into a typed object, failing as the apiserver's strict decoder
 * does. Never trusts its input: any JSON value may arrive here.
 */
export function decodeObject(raw: unknown): KubeObject {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('Object is not a map');
  const obj = raw as KubeObject;
  if (!isKnownKind(String(obj.kind))) throw badRequest(`no kind "${String(obj.kind)}" is registered`);
  return obj;
}
