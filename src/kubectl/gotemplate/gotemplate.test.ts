import { describe, expect, it } from 'vitest';
import { runGoTemplate } from './gotemplate';

const list = { items: [{ status: { podIP: '10.244.1.2' }, spec: { ports: [{ port: 80 }] } }, { status: { podIP: '10.244.2.2' }, spec: {} }] };

describe('go-template', () => {
  it("ranges, prints fields and string literals (the Debug Services page's template)", () => {
    expect(runGoTemplate('{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}', list)).toEqual({ ok: true, text: '10.244.1.2\n10.244.2.2\n' });
  });

  it('prints values as Go does: maps and lists, <no value> for a missing key; if/else; trim markers', () => {
    expect(runGoTemplate('{{range .items}}{{.spec.ports}} {{.nope}};{{end}}', list)).toEqual({ ok: true, text: '[map[port:80]] <no value>;<no value> <no value>;' });
    expect(runGoTemplate('{{range .items}}{{if .spec.ports}}yes{{else}}no{{end}} {{- " " -}} {{end}}', list)).toEqual({ ok: true, text: 'yes no ' });
    expect(runGoTemplate('{{range .none}}x{{else}}empty{{end}}', list)).toEqual({ ok: true, text: 'empty' });
  });

  it('refuses functions by name and reports parse errors', () => {
    expect(runGoTemplate('{{len .items}}', list)).toEqual({ ok: false, unsupported: 'len .items' });
    expect(runGoTemplate('{{range .items}}', list)).toEqual({ ok: false, parseError: 'unexpected EOF' });
  });
});
