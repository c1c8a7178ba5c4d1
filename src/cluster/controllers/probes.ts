import type { Container, IntOrString, Probe } from '../api/types';
import type { ContainerBehaviour } from '../images/catalogue';

/** A probe's port: a number, or the name of one of the container's ports. */
function resolvePort(port: IntOrString, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/**
 * Whether a probe succeeds against what the container really runs: an
 * httpGet needs a listener that answers the path with 2xx or 3xx, a
 * tcpSocket a listening port. exec probes are taken to succeed.
 */
export function probePasses(probe: Probe, container: Container, behaviour: ContainerBehaviour): boolean {
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, container);
    const listener = behaviour.listeners.find((l) => l.port === port && l.protocol === 'TCP');
    if (!listener?.http) return false;
    const route = listener.http[probe.httpGet.path ?? '/'] ?? listener.http['*'];
    return route !== undefined && route.status >= 200 && route.status < 400;
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    return behaviour.listeners.some((l) => l.port === port && l.protocol === 'TCP');
  }
  if (probe.grpc) return behaviour.listeners.some((l) => l.port === probe.grpc!.port);
  return true;
}
