import { ApiError } from '../../cluster/api/errors';
import type { ResourceInfo } from '../../cluster/api/resources';

/** `/v1, Resource=pods`: schema.GroupVersionResource's String(), as kubectl's list errors quote it. */
function gvrText(info: ResourceInfo): string {
  return `${info.group}/${info.version}, Resource=${info.plural}`;
}

/**
 * A list the apiserver refuses (a selector it cannot parse, a field the
 * kind cannot select by), as kubectl's EnhanceListError words it.
 */
export function refusedList(info: ResourceInfo, labelSelector: string, fieldSelector: string, detail: string): ApiError {
  const text = `Unable to find ${JSON.stringify(gvrText(info))} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${detail}`;
  return new ApiError('BadRequest', 400, text);
}
