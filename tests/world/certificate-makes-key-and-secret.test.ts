// defect: `az keyvault secret show --name mycert` after `az keyvault certificate create --name mycert`
// was reported as a secret the page assumes exists (page-assumes-resource), on the fresh
// tutorial-secure-web-server.md. A Key Vault certificate is created with an addressable key and secret of
// the same name ("About Azure Key Vault certificates", composition of a certificate), so the page made it.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint/helpers.ts';

const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const page = (create: string, read: string) => ['# Certificates\n', fence('az group create --name myResourceGroup --location eastus'), fence('az keyvault create --resource-group myResourceGroup --name mykeyvault4242'), fence(create), fence(read)].join('\n');
const assumed = (text: string) => lintText(text, 'docfx', 'cert.md').filter((f) => f.rule === 'page-assumes-resource').map((f) => f.message);
const CERT = 'az keyvault certificate create --vault-name mykeyvault4242 --name mycert --policy "$(az keyvault certificate get-default-policy)"';

describe('a certificate the page creates comes with its key and secret', () => {
  it('reading the secret or the key of a certificate the page created assumes nothing', () => {
    expect(assumed(page(CERT, 'az keyvault secret show --vault-name mykeyvault4242 --name mycert'))).toEqual([]);
    expect(assumed(page(CERT, 'az keyvault key show --vault-name mykeyvault4242 --name mycert'))).toEqual([]);
  });
  it('a key of that name makes no secret: reading the secret is still an assumption', () => {
    expect(assumed(page('az keyvault key create --vault-name mykeyvault4242 --name mycert', 'az keyvault secret show --vault-name mykeyvault4242 --name mycert')).join('\n')).toMatch(/secret mycert/);
  });
});
