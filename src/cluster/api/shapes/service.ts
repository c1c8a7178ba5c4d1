/** The Service spec (core/v1). */
import { list, named, struct } from './shape';

export const ServicePort = struct('v1.ServicePort', {
  name: 'string',
  protocol: named('v1.Protocol'),
  appProtocol: 'string',
  port: 'int',
  targetPort: 'intOrString',
  nodePort: 'int',
});

export const ClientIPConfig = struct('v1.ClientIPConfig', {
  timeoutSeconds: 'int',
});

export const SessionAffinityConfig = struct('v1.SessionAffinityConfig', {
  clientIP: ClientIPConfig,
});

export const ServiceSpec = struct('v1.ServiceSpec', {
  ports: list(ServicePort),
  selector: 'map',
  clusterIP: 'string',
  clusterIPs: list('string'),
  type: named('v1.ServiceType'),
  externalIPs: list('string'),
  sessionAffinity: named('v1.ServiceAffinity'),
  loadBalancerIP: 'string',
  loadBalancerSourceRanges: list('string'),
  externalName: 'string',
  externalTrafficPolicy: named('v1.ServiceExternalTrafficPolicy'),
  healthCheckNodePort: 'int',
  publishNotReadyAddresses: 'bool',
  sessionAffinityConfig: SessionAffinityConfig,
  ipFamilies: list(named('v1.IPFamily')),
  ipFamilyPolicy: named('v1.IPFamilyPolicy'),
  allocateLoadBalancerNodePorts: 'bool',
  loadBalancerClass: 'string',
  internalTrafficPolicy: named('v1.ServiceInternalTrafficPolicy'),
  trafficDistribution: 'string',
});
