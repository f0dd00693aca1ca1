// Defect from a precision sweep (azure-aks-docs @fb060abe, articles/aks/azure-netapp-files-smb.md:512):
// `kubectl create secret generic smbcreds --from-literal=username=DOMAIN_NAME\USERNAME –from-literal=password="PASSWORD"`
// was reported (rightly) with a correction that was wrong: 'Write "-from-literal=…"'. A word processor made
// the "–" of "--"; kubectl's long options (pflag) take two hyphens and read "-from-literal" as shorthands.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const said = (line: string, lang = 'bash') => lintText(`# T\n\n\`\`\`${lang}\n${line}\n\`\`\`\n`).filter((f) => f.rule === 'lookalike-dash-in-flag');

describe('lookalike-dash-long-option', () => {
  it('a lone en dash before a long kubectl or helm option stands for "--"', () => {
    const k = said('kubectl create secret generic smbcreds --from-literal=username=DOMAIN_NAME\\USERNAME \u2013from-literal=password="PASSWORD"');
    expect(k).toHaveLength(1);
    expect(k[0]?.message).toMatch(/where "--" belongs: .*Write "--from-literal=password=PASSWORD"/);
    expect(said('helm install trident netapp-trident/trident-operator \u2013namespace trident')[0]?.message).toMatch(/Write "--namespace"/);
  });
  it('a single letter stays one hyphen, and programs with one-dash words (openssl) keep "-"', () => {
    expect(said('kubectl get membercluster $M \u2013o yaml')[0]?.message).toMatch(/where "-" belongs: .*Write "-o"/);
    expect(said('openssl x509 \u2013noout -in cert.pem')[0]?.message).toMatch(/Write "-noout"/);
  });
});
