import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesLabelQuery, parseLabelQuery } from './selector';

const matches = (query: string, labels: Record<string, string>) => {
  const parsed = parseLabelQuery(query);
  if (!parsed.ok) throw new Error(parsed.detail);
  return matchesLabelQuery(parsed.requirements, labels);
};

describe('label queries (-l)', () => {
  it('matches equality, inequality and sets', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web', { app: 'db' })).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('app=web,tier=front', { app: 'web' })).toBe(false);
    expect(matches('env in (prod, staging)', { env: 'staging' })).toBe(true);
    expect(matches('env notin (prod)', { env: 'prod' })).toBe(false);
  });

  it('matches existence and absence', () => {
    expect(matches('app', { app: '' })).toBe(true);
    expect(matches('!app', { app: 'x' })).toBe(false);
  });

  it('matches gt and lt on integer labels only', () => {
    expect(matches('replicas>2', { replicas: '3' })).toBe(true);
    expect(matches('replicas<2', { replicas: '3' })).toBe(false);
    expect(matches('replicas>2', { replicas: 'many' })).toBe(false);
  });

  it('reads sets as the apiserver does: sorted, unique, () as the empty value', () => {
    expect(parseLabelQuery('env in (b,a,b),x notin ()')).toEqual({
      ok: true,
      requirements: [
        { key: 'env', op: 'in', values: ['a', 'b'] },
        { key: 'x', op: 'notin', values: [''] },
      ],
    });
    expect(parseLabelQuery('a=,b')).toEqual({ ok: true, requirements: [{ key: 'a', op: '=', value: '' }, { key: 'b', op: 'exists' }] });
  });

  it("reports what it cannot parse in the apiserver's words", () => {
    const detail = (q: string) => {
      const r = parseLabelQuery(q);
      return r.ok ? 'parsed' : r.detail;
    };
    expect(detail('app=we b')).toBe("found 'b', expected: ',' or 'end of string'");
    expect(detail('component not in (a)')).toBe("unable to parse requirement: found 'not', expected: in, notin, =, ==, !=, gt, lt");
    expect(detail('env in prod')).toBe("unable to parse requirement: found 'prod' expected: '('");
    expect(detail('env in (a b)')).toBe("unable to parse requirement: found 'b', expected: ',' or ')'");
    expect(detail('a=b,')).toBe("found '', expected: identifier after ','");
    expect(detail('=b')).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(detail('a=>b')).toBe("unable to parse requirement: found '>', expected: identifier");
    expect(detail('a>b')).toBe("unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer");
    expect(detail('app=a/b')).toBe(
      "unable to parse requirement: values[0][app]: Invalid value: \"a/b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
    expect(detail('Bad_/x=1')).toBe(
      "unable to parse requirement: key: Invalid value: \"Bad_/x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (t) => void parseLabelQuery(t)));
    fc.assert(fc.property(fc.stringMatching(/^[a-z=!,() <>in]{0,20}$/), (t) => void parseLabelQuery(t)));
  });
});
