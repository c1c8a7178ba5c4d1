/** A pod's volumes and every volume source core/v1 has, including the ephemeral claim template. */
import { ObjectFieldSelector, ResourceFieldSelector, ResourceList } from './container';
import { LabelSelector, ObjectMeta } from './meta';
import { list, named, struct } from './shape';

export const AWSElasticBlockStoreVolumeSource = struct('v1.AWSElasticBlockStoreVolumeSource', {
  volumeID: 'string',
  fsType: 'string',
  partition: 'int',
  readOnly: 'bool',
});

export const AzureDiskVolumeSource = struct('v1.AzureDiskVolumeSource', {
  diskName: 'string',
  diskURI: 'string',
  cachingMode: named('v1.AzureDataDiskCachingMode'),
  fsType: 'string',
  readOnly: 'bool',
  kind: named('v1.AzureDataDiskKind'),
});

export const AzureFileVolumeSource = struct('v1.AzureFileVolumeSource', {
  secretName: 'string',
  shareName: 'string',
  readOnly: 'bool',
});

export const LocalObjectReference = struct('v1.LocalObjectReference', {
  name: 'string',
});

export const CSIVolumeSource = struct('v1.CSIVolumeSource', {
  driver: 'string',
  readOnly: 'bool',
  fsType: 'string',
  volumeAttributes: 'map',
  nodePublishSecretRef: LocalObjectReference,
});

export const CephFSVolumeSource = struct('v1.CephFSVolumeSource', {
  monitors: list('string'),
  path: 'string',
  user: 'string',
  secretFile: 'string',
  secretRef: LocalObjectReference,
  readOnly: 'bool',
});

export const CinderVolumeSource = struct('v1.CinderVolumeSource', {
  volumeID: 'string',
  fsType: 'string',
  readOnly: 'bool',
  secretRef: LocalObjectReference,
});

export const KeyToPath = struct('v1.KeyToPath', {
  key: 'string',
  path: 'string',
  mode: 'int',
});

export const ConfigMapVolumeSource = struct('v1.ConfigMapVolumeSource', {
  name: 'string',
  items: list(KeyToPath),
  defaultMode: 'int',
  optional: 'bool',
});

export const DownwardAPIVolumeFile = struct('v1.DownwardAPIVolumeFile', {
  path: 'string',
  fieldRef: ObjectFieldSelector,
  resourceFieldRef: ResourceFieldSelector,
  mode: 'int',
});

export const DownwardAPIVolumeSource = struct('v1.DownwardAPIVolumeSource', {
  items: list(DownwardAPIVolumeFile),
  defaultMode: 'int',
});

export const EmptyDirVolumeSource = struct('v1.EmptyDirVolumeSource', {
  medium: named('v1.StorageMedium'),
  sizeLimit: 'quantity',
});

export const TypedLocalObjectReference = struct('v1.TypedLocalObjectReference', {
  apiGroup: 'string',
  kind: 'string',
  name: 'string',
});

export const TypedObjectReference = struct('v1.TypedObjectReference', {
  apiGroup: 'string',
  kind: 'string',
  name: 'string',
  namespace: 'string',
});

export const VolumeResourceRequirements = struct('v1.VolumeResourceRequirements', {
  limits: ResourceList,
  requests: ResourceList,
});

export const PersistentVolumeClaimSpec = struct('v1.PersistentVolumeClaimSpec', {
  accessModes: list(named('v1.PersistentVolumeAccessMode')),
  selector: LabelSelector,
  resources: VolumeResourceRequirements,
  volumeName: 'string',
  storageClassName: 'string',
  volumeMode: named('v1.PersistentVolumeMode'),
  dataSource: TypedLocalObjectReference,
  dataSourceRef: TypedObjectReference,
  volumeAttributesClassName: 'string',
});

export const PersistentVolumeClaimTemplate = struct('v1.PersistentVolumeClaimTemplate', {
  metadata: ObjectMeta,
  spec: PersistentVolumeClaimSpec,
});

export const EphemeralVolumeSource = struct('v1.EphemeralVolumeSource', {
  volumeClaimTemplate: PersistentVolumeClaimTemplate,
});

export const FCVolumeSource = struct('v1.FCVolumeSource', {
  targetWWNs: list('string'),
  lun: 'int',
  fsType: 'string',
  readOnly: 'bool',
  wwids: list('string'),
});

export const FlexVolumeSource = struct('v1.FlexVolumeSource', {
  driver: 'string',
  fsType: 'string',
  secretRef: LocalObjectReference,
  readOnly: 'bool',
  options: 'map',
});

export const FlockerVolumeSource = struct('v1.FlockerVolumeSource', {
  datasetName: 'string',
  datasetUUID: 'string',
});

export const GCEPersistentDiskVolumeSource = struct('v1.GCEPersistentDiskVolumeSource', {
  pdName: 'string',
  fsType: 'string',
  partition: 'int',
  readOnly: 'bool',
});

export const GitRepoVolumeSource = struct('v1.GitRepoVolumeSource', {
  repository: 'string',
  revision: 'string',
  directory: 'string',
});

export const GlusterfsVolumeSource = struct('v1.GlusterfsVolumeSource', {
  endpoints: 'string',
  path: 'string',
  readOnly: 'bool',
});

export const HostPathVolumeSource = struct('v1.HostPathVolumeSource', {
  path: 'string',
  type: named('v1.HostPathType'),
});

export const ISCSIVolumeSource = struct('v1.ISCSIVolumeSource', {
  targetPortal: 'string',
  iqn: 'string',
  lun: 'int',
  iscsiInterface: 'string',
  fsType: 'string',
  readOnly: 'bool',
  portals: list('string'),
  chapAuthDiscovery: 'bool',
  chapAuthSession: 'bool',
  secretRef: LocalObjectReference,
  initiatorName: 'string',
});

export const ImageVolumeSource = struct('v1.ImageVolumeSource', {
  reference: 'string',
  pullPolicy: named('v1.PullPolicy'),
});

export const NFSVolumeSource = struct('v1.NFSVolumeSource', {
  server: 'string',
  path: 'string',
  readOnly: 'bool',
});

export const PersistentVolumeClaimVolumeSource = struct('v1.PersistentVolumeClaimVolumeSource', {
  claimName: 'string',
  readOnly: 'bool',
});

export const PhotonPersistentDiskVolumeSource = struct('v1.PhotonPersistentDiskVolumeSource', {
  pdID: 'string',
  fsType: 'string',
});

export const PortworxVolumeSource = struct('v1.PortworxVolumeSource', {
  volumeID: 'string',
  fsType: 'string',
  readOnly: 'bool',
});

export const ClusterTrustBundleProjection = struct('v1.ClusterTrustBundleProjection', {
  name: 'string',
  signerName: 'string',
  labelSelector: LabelSelector,
  optional: 'bool',
  path: 'string',
});

export const ConfigMapProjection = struct('v1.ConfigMapProjection', {
  name: 'string',
  items: list(KeyToPath),
  optional: 'bool',
});

export const DownwardAPIProjection = struct('v1.DownwardAPIProjection', {
  items: list(DownwardAPIVolumeFile),
});

export const PodCertificateProjection = struct('v1.PodCertificateProjection', {
  signerName: 'string',
  keyType: 'string',
  maxExpirationSeconds: 'int',
  credentialBundlePath: 'string',
  keyPath: 'string',
  certificateChainPath: 'string',
});

export const SecretProjection = struct('v1.SecretProjection', {
  name: 'string',
  items: list(KeyToPath),
  optional: 'bool',
});

export const ServiceAccountTokenProjection = struct('v1.ServiceAccountTokenProjection', {
  audience: 'string',
  expirationSeconds: 'int64',
  path: 'string',
});

export const VolumeProjection = struct('v1.VolumeProjection', {
  secret: SecretProjection,
  downwardAPI: DownwardAPIProjection,
  configMap: ConfigMapProjection,
  serviceAccountToken: ServiceAccountTokenProjection,
  clusterTrustBundle: ClusterTrustBundleProjection,
  podCertificate: PodCertificateProjection,
});

export const ProjectedVolumeSource = struct('v1.ProjectedVolumeSource', {
  sources: list(VolumeProjection),
  defaultMode: 'int',
});

export const QuobyteVolumeSource = struct('v1.QuobyteVolumeSource', {
  registry: 'string',
  volume: 'string',
  readOnly: 'bool',
  user: 'string',
  group: 'string',
  tenant: 'string',
});

export const RBDVolumeSource = struct('v1.RBDVolumeSource', {
  monitors: list('string'),
  image: 'string',
  fsType: 'string',
  pool: 'string',
  user: 'string',
  keyring: 'string',
  secretRef: LocalObjectReference,
  readOnly: 'bool',
});

export const ScaleIOVolumeSource = struct('v1.ScaleIOVolumeSource', {
  gateway: 'string',
  system: 'string',
  secretRef: LocalObjectReference,
  sslEnabled: 'bool',
  protectionDomain: 'string',
  storagePool: 'string',
  storageMode: 'string',
  volumeName: 'string',
  fsType: 'string',
  readOnly: 'bool',
});

export const SecretVolumeSource = struct('v1.SecretVolumeSource', {
  secretName: 'string',
  items: list(KeyToPath),
  defaultMode: 'int',
  optional: 'bool',
});

export const StorageOSVolumeSource = struct('v1.StorageOSVolumeSource', {
  volumeName: 'string',
  volumeNamespace: 'string',
  fsType: 'string',
  readOnly: 'bool',
  secretRef: LocalObjectReference,
});

export const VsphereVirtualDiskVolumeSource = struct('v1.VsphereVirtualDiskVolumeSource', {
  volumePath: 'string',
  fsType: 'string',
  storagePolicyName: 'string',
  storagePolicyID: 'string',
});

export const Volume = struct('v1.Volume', {
  name: 'string',
  hostPath: HostPathVolumeSource,
  emptyDir: EmptyDirVolumeSource,
  gcePersistentDisk: GCEPersistentDiskVolumeSource,
  awsElasticBlockStore: AWSElasticBlockStoreVolumeSource,
  gitRepo: GitRepoVolumeSource,
  secret: SecretVolumeSource,
  nfs: NFSVolumeSource,
  iscsi: ISCSIVolumeSource,
  glusterfs: GlusterfsVolumeSource,
  persistentVolumeClaim: PersistentVolumeClaimVolumeSource,
  rbd: RBDVolumeSource,
  flexVolume: FlexVolumeSource,
  cinder: CinderVolumeSource,
  cephfs: CephFSVolumeSource,
  flocker: FlockerVolumeSource,
  downwardAPI: DownwardAPIVolumeSource,
  fc: FCVolumeSource,
  azureFile: AzureFileVolumeSource,
  configMap: ConfigMapVolumeSource,
  vsphereVolume: VsphereVirtualDiskVolumeSource,
  quobyte: QuobyteVolumeSource,
  azureDisk: AzureDiskVolumeSource,
  photonPersistentDisk: PhotonPersistentDiskVolumeSource,
  projected: ProjectedVolumeSource,
  portworxVolume: PortworxVolumeSource,
  scaleIO: ScaleIOVolumeSource,
  storageos: StorageOSVolumeSource,
  csi: CSIVolumeSource,
  ephemeral: EphemeralVolumeSource,
  image: ImageVolumeSource,
});
