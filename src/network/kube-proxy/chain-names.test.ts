import { describe, expect, it } from 'vitest';
import { base32, clusterPolicyChain, endpointChain, externalChain, firewallChain, localPolicyChain, servicePortName } from './chain-names';
import { sha256 } from '../../cluster/util/sha256';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Two blocks.
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    // Non-ASCII input is hashed as UTF-8.
    expect(hex(sha256('é'))).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
    // A long input grows the reused buffer; the next short one still hashes right.
    expect(hex(sha256('a'.repeat(200)))).toBe('c2a908d98f5df987ade41b5fce213067efbcc21ef2240212a41e54b5e7c28ae5');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('base32', () => {
  it('encodes as RFC 4648 (Go base32.StdEncoding) without padding', () => {
    const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    expect(base32(bytes('f'))).toBe('MY');
    expect(base32(bytes('foobar'))).toBe('MZXW6YTBOI');
  });
});

describe('kube-proxy chain names', () => {
  // Values from kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go and real clusters.
  it.each([
    ['ns1/svc1:p80', 'tcp', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'tcp', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    ['ns4/svc4:p80', 'tcp', 'KUBE-SVC-4SW47YFZTEDKD3PK'],
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
  ])('%s %s -> %s', (name, proto, chain) => {
    expect(clusterPolicyChain(name, proto)).toBe(chain);
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns1/svc1:p80', '10.180.0.2:80', 'KUBE-SEP-LXVODXWDISEETFEF'],
    ['ns1/svc1:p80', '10.180.2.1:80', 'KUBE-SEP-ZX7GRIZKSNUQ3LAJ'],
    ['ns2/svc2:p80', '10.180.0.2:80', 'KUBE-SEP-RS4RBKLTHTF2IUXJ'],
    ['ns4/svc4:p80', '10.180.0.5:80', 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
    ['ns4/svc4:p80', '10.180.0.4:80', 'KUBE-SEP-UKSFD7AGPMPPLUHC'],
  ])('%s -> %s is %s', (name, endpoint, chain) => {
    expect(endpointChain(name, 'tcp', endpoint)).toBe(chain);
  });

  it('shares one hash between the SVC, SVL, EXT and FW chains', () => {
    expect(localPolicyChain('ns1/svc1:p80', 'tcp')).toBe('KUBE-SVL-XPGD46QRK7WJZT7O');
    expect(externalChain('ns1/svc1:p80', 'tcp')).toBe('KUBE-EXT-XPGD46QRK7WJZT7O');
    expect(firewallChain('ns1/svc1:p80', 'tcp')).toBe('KUBE-FW-XPGD46QRK7WJZT7O');
  });

  it('names an unnamed port "ns/name" and a named one "ns/name:port"', () => {
    expect(servicePortName('default', 'web', undefined)).toBe('default/web');
    expect(servicePortName('default', 'web', '')).toBe('default/web');
    expect(servicePortName('default', 'web', 'http')).toBe('default/web:http');
  });
});
