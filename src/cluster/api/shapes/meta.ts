/** Object metadata and label selectors (apimachinery's meta/v1), as the apiserver decodes them. */
import { list, named, struct } from './shape';

export const ManagedFieldsEntry = struct('v1.ManagedFieldsEntry', {
  manager: 'string',
  operation: named('v1.ManagedFieldsOperationType'),
  apiVersion: 'string',
  time: 'string',
  fieldsType: 'string',
  subresource: 'string',
}, ["fieldsV1"]);

export const OwnerReference = struct('v1.OwnerReference', {
  apiVersion: 'string',
  kind: 'string',
  name: 'string',
  uid: named('types.UID'),
  controller: 'bool',
  blockOwnerDeletion: 'bool',
});

export const ObjectMeta = struct('v1.ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: named('types.UID'),
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'string',
  deletionTimestamp: 'string',
  deletionGracePeriodSeconds: 'int64',
  labels: 'map',
  annotations: 'map',
  ownerReferences: list(OwnerReference),
  finalizers: list('string'),
  managedFields: list(ManagedFieldsEntry),
});

export const LabelSelectorRequirement = struct('v1.LabelSelectorRequirement', {
  key: 'string',
  operator: named('v1.LabelSelectorOperator'),
  values: list('string'),
});

export const LabelSelector = struct('v1.LabelSelector', {
  matchLabels: 'map',
  matchExpressions: list(LabelSelectorRequirement),
});
