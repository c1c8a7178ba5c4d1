import { comment, jump, rule, src, dst, type Rule, type RulePart } from './rules';
import { KUBE_EXTERNAL_SERVICES, KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL, KUBE_SERVICES, type ProxierConfig } from './service-rules';

const KUBE_FORWARD = 'KUBE-FORWARD';
const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
const KUBE_FIREWALL = 'KUBE-FIREWALL';
const CANARIES = ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'];

const ctNew: RulePart = { module: 'conntrack', states: ['NEW'] };

/**
 * The rules that do not depend on Services: the jumps from the built-in
 * chains (kube-proxy's iptablesJumpChains, each prepended, so the last one
 * listed ends up first; kubelet's KUBE-FIREWALL jump predates them), the
 * postrouting and mark chains, KUBE-FORWARD, kubelet's localnet guard and
 * the canary chains kubelet and kube-proxy create in each table.
 *
 * Not modelled: kind's own chains (DOCKER_OUTPUT, DOCKER_POSTROUTING,
 * KIND-MASQ-AGENT), nfacct counters, and conntrack's tcp_be_liberal
 * (assumed off, so the INVALID drop rule is present).
 */
export function fixedRules(config: ProxierConfig): Record<'mangle' | 'filter' | 'nat', [string, Rule[]][]> {
  const mark = config.masqueradeMark;
  const portals = 'kubernetes service portals';
  const external = 'kubernetes externally-visible service portals';
  const lbFirewall = 'kubernetes load balancer firewall';
  return {
    mangle: [
      ['PREROUTING', []],
      ['INPUT', []],
      ['FORWARD', []],
      ['OUTPUT', []],
      ['POSTROUTING', []],
      ['KUBE-IPTABLES-HINT', []],
      ...CANARIES.map((c): [string, Rule[]] => [c, []]),
    ],
    filter: [
      [
        'INPUT',
        [
          rule('INPUT', [ctNew, comment(lbFirewall)], jump(KUBE_PROXY_FIREWALL)),
          rule('INPUT', [comment('kubernetes health check service ports')], jump(KUBE_NODEPORTS)),
          rule('INPUT', [ctNew, comment(external)], jump(KUBE_EXTERNAL_SERVICES)),
          rule('INPUT', [], jump(KUBE_FIREWALL)),
        ],
      ],
      [
        'FORWARD',
        [
          rule('FORWARD', [ctNew, comment(lbFirewall)], jump(KUBE_PROXY_FIREWALL)),
          rule('FORWARD', [comment('kubernetes forwarding rules')], jump(KUBE_FORWARD)),
          rule('FORWARD', [ctNew, comment(portals)], jump(KUBE_SERVICES)),
          rule('FORWARD', [ctNew, comment(external)], jump(KUBE_EXTERNAL_SERVICES)),
        ],
      ],
      [
        'OUTPUT',
        [
          rule('OUTPUT', [ctNew, comment(lbFirewall)], jump(KUBE_PROXY_FIREWALL)),
          rule('OUTPUT', [ctNew, comment(portals)], jump(KUBE_SERVICES)),
          rule('OUTPUT', [], jump(KUBE_FIREWALL)),
        ],
      ],
      [
        KUBE_FIREWALL,
        [
          rule(
            KUBE_FIREWALL,
            [comment('block incoming localnet connections'), dst('127.0.0.0/8'), src('127.0.0.0/8', true), { module: 'conntrack', states: ['RELATED', 'ESTABLISHED', 'DNAT'], invert: true }],
            { type: 'DROP' },
          ),
        ],
      ],
      [
        KUBE_FORWARD,
        [
          rule(KUBE_FORWARD, [{ module: 'conntrack', states: ['INVALID'] }], { type: 'DROP' }),
          rule(KUBE_FORWARD, [comment('kubernetes forwarding rules'), { module: 'mark', value: mark, mask: mark }], { type: 'ACCEPT' }),
          rule(KUBE_FORWARD, [comment('kubernetes forwarding conntrack rule'), { module: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }], { type: 'ACCEPT' }),
        ],
      ],
      ...CANARIES.map((c): [string, Rule[]] => [c, []]),
    ],
    nat: [
      ['PREROUTING', [rule('PREROUTING', [comment(portals)], jump(KUBE_SERVICES))]],
      ['INPUT', []],
      ['OUTPUT', [rule('OUTPUT', [comment(portals)], jump(KUBE_SERVICES))]],
      ['POSTROUTING', [rule('POSTROUTING', [comment('kubernetes postrouting rules')], jump(KUBE_POSTROUTING))]],
      [
        KUBE_POSTROUTING,
        [
          rule(KUBE_POSTROUTING, [{ module: 'mark', value: mark, mask: mark, invert: true }], { type: 'RETURN' }),
          rule(KUBE_POSTROUTING, [], { type: 'MARK', op: 'xor', value: mark }),
          rule(KUBE_POSTROUTING, [comment('kubernetes service traffic requiring SNAT')], { type: 'MASQUERADE', randomFully: true }),
        ],
      ],
      [KUBE_MARK_MASQ, [rule(KUBE_MARK_MASQ, [], { type: 'MARK', op: 'or', value: mark })]],
      ...CANARIES.map((c): [string, Rule[]] => [c, []]),
    ],
  };
}

/** The last rule of nat KUBE-SERVICES: anything addressed to the node itself goes on to the NodePorts. */
export function nodePortsTailRule(): Rule {
  return rule(
    KUBE_SERVICES,
    [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { module: 'addrtype', dstType: 'LOCAL' }],
    jump(KUBE_NODEPORTS),
  );
}
