import { describe, expect, it } from 'vitest';
import { plainText, searchLessons } from './lesson-search';

describe('lesson search', () => {
  const lessons = [
    { id: '01-pod-ips', text: plainText('# Every pod gets an IP\n\nEach node has a **podCIDR**.\n\n```sh\nkubectl get pods -o wide\n```\n\n<Hint title="x">host-local hands out addresses</Hint>') },
    { id: '02-dns', text: 'Cluster DNS: CoreDNS answers web.default.svc.cluster.local with the ClusterIP.' },
  ];

  it('turns MDX into plain words, keeping code', () => {
    expect(lessons[0]!.text).toBe('Every pod gets an IP Each node has a podCIDR. kubectl get pods -o wide host-local hands out addresses');
  });

  it('finds lessons holding every word, with a snippet around the first', () => {
    expect(searchLessons(lessons, 'PODCIDR')).toEqual([{ id: '01-pod-ips', snippet: 'Every pod gets an IP Each node has a podCIDR. kubectl get pods -o wide host-local hands out addresses' }]);
    expect(searchLessons(lessons, 'clusterip coredns').map((h) => h.id)).toEqual(['02-dns']);
    expect(searchLessons(lessons, 'pods coredns')).toEqual([]);
    expect(searchLessons(lessons, '   ')).toEqual([]);
  });
});
