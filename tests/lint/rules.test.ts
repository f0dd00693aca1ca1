// One positive and one negative case per rule: the clean fixture has no finding of the rule, and a
// one-line break of the fixture makes the rule report exactly that line.
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/index.ts';
import { CLEAN_DOCFX, CLEAN_RENDERED, lintText, mutate, lineOf } from './helpers.ts';
import { findingsCases } from './findings-cases.ts';
import { outputCases } from './findings-cases-output.ts';
import { shellphCases } from './findings-cases-shellph.ts';
import { factsCases } from './findings-cases-facts.ts';
import { exshapeCases, exshapeExtraCases } from './findings-cases-exshape.ts';
import { specschemaCases } from './findings-cases-specschema.ts';
import { otherCases } from './findings-cases-other.ts';
import { wildCases } from './findings-cases-wild.ts';
import { wild7Cases } from './findings-cases-wild7.ts';
import { exout2Cases } from './findings-cases-exout2.ts';
import { wildDCases } from './findings-cases-wild-d.ts';
import { wildLCases } from './findings-cases-wild-l.ts';
import { wildHCases } from './findings-cases-wild-h.ts';
import { deployParamsCases } from './findings-cases-deploy-params.ts';
import { wildECases } from './findings-cases-wild-e.ts';
import { psfreshCases } from './findings-cases-psfresh.ts';
import { wildFCases } from './findings-cases-wild-f.ts';
import { wildGCases } from './findings-cases-wild-g.ts';
import { k8s2Cases } from './findings-cases-k8s2.ts';
import { retlibsCases } from './findings-cases-retlibs.ts';
import { leadinCases } from './findings-cases-leadin.ts';
import { psreadCases } from './findings-cases-psread.ts';
import { echo2Cases } from './findings-cases-echo2.ts';
import { echo3Cases } from './findings-cases-echo3.ts';
import { sasurlCases } from './findings-cases-sasurl.ts';
import { fmtfenceCases } from './findings-cases-fmtfence.ts';
import { psparityCases } from './findings-cases-psparity.ts';
import { wildICases } from './findings-cases-wild-i.ts';
import { dnszoneCases } from './findings-cases-dnszone.ts';
import { lead11Cases } from './findings-cases-lead11.ts';
import { lead12Cases } from './findings-cases-lead12.ts';
import { wildKCases } from './findings-cases-wild-k.ts';
import { wildMCases } from './findings-cases-wild-m.ts';
import { wildNCases } from './findings-cases-wild-n.ts';
import { wildOCases } from './findings-cases-wild-o.ts';
import { wildAppCases } from './findings-cases-wild-app.ts';
import { wildSCases } from './findings-cases-wild-s.ts';
import { wildJCases } from './findings-cases-wild-j.ts';
import { wildPCases } from './findings-cases-wild-p.ts';
import { wildQCases } from './findings-cases-wild-q.ts';
import { wildUCases } from './findings-cases-wild-u.ts';
import { wildWCases } from './findings-cases-wild-w.ts';
import { wildRCases } from './findings-cases-wild-r.ts';
import { wildVCases } from './findings-cases-wild-v.ts';
import { wildNetCases } from './findings-cases-wild-net.ts';
import { wildXCases } from './findings-cases-wild-x.ts';
import { cmdletsCases } from './findings-cases-cmdlets.ts';
import { wildYCases } from './findings-cases-wild-y.ts';
import { wildDataCases } from './findings-cases-wild-data.ts';
import { wildOpsCases } from './findings-cases-wild-ops.ts';

interface Case {
  name: string;
  find: string;
  replace: (line: string) => string;
  /** Where the finding must be, relative to the changed line (the JSON error is reported where the parser stops). */
  offset?: number;
  /** Where the finding must be when it is not on the changed line (e.g. a later example). */
  expectAt?: (text: string, changed: number) => number;
  message?: RegExp;
  severity?: 'error' | 'warning' | 'note';
}

function mergeCases(...tables: Record<string, readonly Case[]>[]): Record<string, Case[]> {
  const out: Record<string, Case[]> = {};
  for (const t of tables) for (const [rule, list] of Object.entries(t)) (out[rule] ??= []).push(...list);
  return out;
}

const TOKEN_CURL = "resource=https%3A%2F%2Fstorage.azure.com%2F' -H Metadata:true";
const BLOB_CURL = 'curl https://<STORAGE ACCOUNT>.blob.core.windows.net';
const ROLE_CMD = 'az role assignment create';
const UPLOAD = 'az storage blob upload';
const KV_CURL = 'vault.azure.net/secrets/<SECRET NAME>';

// Each branch's table is merged key by key: two tables with cases for the same rule add up (an
// object spread would keep only the last one's, silently dropping the others' cases).
const cases: Record<string, Case[]> = mergeCases(
  findingsCases,
  cmdletsCases,
  outputCases,
  shellphCases,
  factsCases,
  exshapeCases,
  specschemaCases,
  otherCases,
  wildCases,
  wild7Cases,
  exout2Cases,
  wildDCases,
  wildPCases,
  wildLCases,
  wildHCases,
  wildECases,
  wildFCases,
  wildGCases,
  k8s2Cases,
  retlibsCases,
  leadinCases,
  psreadCases,
  echo2Cases,
  echo3Cases,
  sasurlCases,
  fmtfenceCases,
  dnszoneCases,
  deployParamsCases,
  lead11Cases,
  lead12Cases,
  wildMCases,
  wildNCases,
  wildOCases,
  wildAppCases,
  {
    'lookalike-dash-in-flag': [
      { name: 'em dash flag in curl', find: BLOB_CURL, replace: (l) => l.replace('-H "x-ms-version', '\u2014H "x-ms-version'), message: /Could not resolve host/ },
      { name: 'en dash flag in az', find: UPLOAD, replace: (l) => l.replace('--account-name', '\u2013-account-name'), message: /unrecognized arguments.*--account-name/ },
    ],
    'smart-quote-in-command': [
      { name: 'curly double quotes around a role', find: ROLE_CMD, replace: (l) => l.replace('"Storage Blob Data Reader"', '\u201cStorage Blob Data Reader\u201d'), message: /not a shell quote/ },
    ],
    'nonascii-space-in-command': [
      { name: 'NBSP word after the command', find: TOKEN_CURL, replace: (l) => `${l} \u00a0`, message: /one more URL.*exits non-zero/ },
      { name: 'NBSP glued to Metadata:true', find: TOKEN_CURL, replace: (l) => `${l}\u00a0`, message: /"true\\u00a0".*IMDS/ },
    ],
    'zero-width-in-command': [
      { name: 'zero width space inside a flag', find: UPLOAD, replace: (l) => l.replace('--account-name', '--account\u200b-name'), message: /U\+200B/ },
    ],
    mojibake: [
      { name: 'in prose', find: 'Create a file to upload:', replace: () => 'Create a file thatâ€™s uploaded next:', message: /â€™.*U\+2019/, severity: 'warning' },
      { name: 'in a command', find: 'echo "This is a test file."', replace: () => 'echo "This isnâ€™t a test file." > test.txt', severity: 'error' },
    ],
    'json-example-invalid': [
      { name: 'missing comma', find: '"location": "westus",', replace: (l) => l.replace(',', ''), offset: 1, message: /not valid JSON/ },
      { name: 'comment', find: '"location": "westus",', replace: (l) => `${l} // the identity's region`, message: /"\/\/" comments/ },
    ],
    'contract-invalid-guid': [
      { name: 'clientId with a z', find: '"clientId": "00001111', replace: (l) => l.replace('4444"', '444z"'), message: /"z" is not a hexadecimal digit/ },
      { name: 'principalId that is a number string', find: '"principalId": "aaaaaaaa', replace: (l) => l.replace(/"aaaaaaaa-[^"]+"/, '"9012"'), message: /"9012".*not a GUID/ },
    ],
    'contract-type-mismatch': [
      { name: 'IMDS expires_in as a number', find: '"expires_in": "86399"', replace: (l) => l.replace('"86399"', '86399'), message: /expires_in.*string/ },
    ],
    'contract-enum-value': [
      { name: 'recoveryLevel Purgeable', find: '"recoveryLevel":"Recoverable+Purgeable"', replace: (l) => l.replace('"Recoverable+Purgeable"', '"Purgeable"'), message: /soft delete is mandatory/ },
      { name: 'principalType outside the enum', find: '"principalType": "ServicePrincipal"', replace: (l) => l.replace('ServicePrincipal', 'Robot'), severity: 'error' },
    ],
    'contract-field-not-in-api': [
      { name: 'refresh_token in an IMDS answer', find: '"access_token": "eyJ0eXAi..."', replace: (l) => `${l}\n  "refresh_token": "",`, offset: 1, message: /refresh_token/ },
      { name: 'clientSecretUrl in az identity create', find: '"clientId": "00001111', replace: (l) => `${l}\n  "clientSecretUrl": "https://control-westus.identity.azure.net/x",`, offset: 1, message: /2015-08-31-preview/ },
      { name: 'canDelegate in az role assignment create', find: '"name": "11112222-3333-4444-5555-666677778888",', replace: (l) => `${l}\n  "canDelegate": null,`, offset: 1, message: /canDelegate belonged to the preview role assignment APIs.*2022-04-01/ },
    ],
    'contract-resource-id': [
      { name: 'blogServices in a scope', find: '"scope": "/subscriptions/', replace: (l) => l.replace('blobServices', 'blogServices'), message: /did you mean "blobServices"/ },
    ],
    'az-output-shape': [
      { name: 'nested properties', find: '"principalId": "aaaaaaaa-bbbb-cccc-1111-222222222222",', replace: () => '  "properties": { "principalId": "aaaaaaaa-bbbb-cccc-1111-222222222222" },', offset: 0, message: /flat object/ },
    ],
    'placeholder-misspelt': [
      { name: 'SUBSCRIPTON', find: ROLE_CMD, replace: (l) => l.replace('<SUBSCRIPTION ID>', '<SUBSCRIPTON ID>'), message: /<SUBSCRIPTON ID> is a misspelt twin of <SUBSCRIPTION ID>/ },
    ],
    'placeholder-not-in-command': [
      { name: 'prose names another placeholder', find: 'Replace `<PRINCIPAL ID>`', replace: (l) => l.replace('<PRINCIPAL ID>', '<OBJECT ID>'), message: /contains no <OBJECT ID>/ },
    ],
    'placeholder-url-after-scheme': [
      { name: 'vault URL after https://', find: KV_CURL, replace: (l) => l.replace('<KEY VAULT NAME>.vault.azure.net', '<KEY-VAULT-URL>'), message: /Could not resolve host: https/ },
    ],
    'placeholder-two-names': [
      { name: '<STORAGE ACCOUNT NAME> in one command only', find: BLOB_CURL, replace: (l) => l.replace('<STORAGE ACCOUNT>', '<STORAGE ACCOUNT NAME>'), message: /use <STORAGE ACCOUNT> here too/, severity: 'note' },
    ],
    'inconsistent-file-name': [
      { name: 'spaces and underscores', find: 'Create a file to upload:', replace: () => 'Create a file named my notes.txt, then copy my_notes.txt:', message: /"my_notes.txt" is called "my notes.txt"/ },
    ],
    'stated-content-mismatch': [
      { name: 'output differs from echo', find: 'This is a test file.', replace: (l) => l, offset: 0 },
    ],
    'blob-properties-mismatch': [
      { name: 'contentLength 16', find: '"contentLength": 21', replace: (l) => l.replace('21', '16'), message: /21 bytes/ },
      { name: 'MD5 of other bytes', find: '"contentMd5"', replace: (l) => l.replace('LSghAvpnElYyfUdn7CO8aw==', 'Aryr///Rb+D8JQ8IytleDA=='), message: /LSghAvpnElYyfUdn7CO8aw==/ },
    ],
    'token-resource-mismatch': [
      { name: 'trailing slash dropped', find: '"resource": "https://storage.azure.com/"', replace: (l) => l.replace('.com/"', '.com"'), message: /with the trailing slash/ },
    ],
    'example-ids-inconsistent': [
      {
        // The identity created first gets another principalId; the role assignment made for it below now disagrees.
        name: 'principal differs from the identity',
        find: '"principalId": "aaaaaaaa-bbbb-cccc-1111-222222222222",',
        replace: (l) => l.replace('aaaaaaaa', 'bbbbbbbb'),
        expectAt: (text, changed) => lineOf(text, '"principalId"', changed),
        message: /not the principalId of the identity created above \("bbbbbbbb/,
      },
      {
        // The identity is created in the group without --location, so it must show the group's location.
        name: 'identity location differs from its resource group',
        find: '"location": "westus",',
        replace: (l) => l.replace('westus', 'westcentralus'),
        expectAt: (text, changed) => lineOf(text, '"location"', changed),
        message: /without --location is shown in "westcentralus"/,
      },
    ],
    'az-removed-command': [
      { name: 'vm assign-identity', find: UPLOAD, replace: () => 'az vm assign-identity -g <RESOURCE GROUP> -n <VM NAME> --identities <IDENTITY ID>', message: /az vm identity assign/ },
    ],
    'az-flag-without-value': [
      { name: 'last flag bare', find: UPLOAD, replace: (l) => l.replace('--account-name <STORAGE ACCOUNT> ', '') + ' --account-name', message: /expected one argument/ },
    ],
    'az-unknown-command': [
      { name: 'a misspelt command word', find: UPLOAD, replace: (l) => l.replace('blob upload', 'blob uplaod'), message: /'uplaod' is misspelled or not recognized by the system\. .*az storage blob upload/ },
      { name: 'a group given as a command', find: UPLOAD, replace: () => 'az storage blob', message: /command group, not a command/, severity: 'warning' },
    ],
    'az-retired-command': [
      { name: 'group deployment create', find: UPLOAD, replace: () => 'az group deployment create -g <RESOURCE GROUP> --template-file azuredeploy.json', message: /left the Azure CLI reference on \d{4}-\d\d-\d\d.*az deployment group create/, severity: 'warning' },
    ],
    'az-unknown-parameter': [
      { name: 'role assignment create --resource-group (removed from az)', find: ROLE_CMD, replace: (l) => `${l} --resource-group <RESOURCE GROUP>`, message: /unrecognized arguments: --resource-group <RESOURCE GROUP>/ },
      { name: 'an ambiguous abbreviation', find: UPLOAD, replace: (l) => l.replace('-c <CONTAINER NAME>', '--con <CONTAINER NAME>'), message: /ambiguous option: --con could match/ },
    ],
    'az-missing-required': [
      { name: 'role assignment create without --scope', find: ROLE_CMD, replace: (l) => l.replace(/ --scope "[^"]*"/, ''), message: /the following arguments are required: --scope/ },
    ],
    'az-enum-value': [
      { name: 'a principal type az does not know', find: ROLE_CMD, replace: (l) => l.replace('ServicePrincipal', 'ManagedIdentity'), message: /the values it takes are ForeignGroup, Group, ServicePrincipal, User/ },
    ],
    'az-value-trailing-space': [
      { name: 'scope with a space before the closing quote', find: ROLE_CMD, replace: (l) => l.replace('<CONTAINER NAME>"', '<CONTAINER NAME> "') },
    ],
    'az-unknown-role': [
      { name: 'typo in a role name', find: ROLE_CMD, replace: (l) => l.replace('Data Reader', 'Data Raeder'), message: /Write --role 'Storage Blob Data Reader'/ },
    ],
    'az-scope-not-resource-id': [
      { name: 'container without containers/', find: ROLE_CMD, replace: (l) => l.replace('/containers/<CONTAINER NAME>', '/<CONTAINER NAME>'), message: /containers\/<CONTAINER NAME>/ },
    ],
    'az-assignee-id-kind': [
      { name: 'client id where the prose says principalId', find: ROLE_CMD, replace: (l) => l.replace('--assignee-object-id <PRINCIPAL ID> --assignee-principal-type ServicePrincipal', '--assignee <CLIENT ID>'), severity: 'error' },
    ],
    'legacy-msi-endpoint': [
      { name: 'localhost:50342', find: TOKEN_CURL, replace: () => "curl 'http://localhost:50342/oauth2/token?resource=https%3A%2F%2Fstorage.azure.com%2F' -H Metadata:true", message: /169\.254\.169\.254/ },
    ],
    'retired-service': [
      { name: 'Data Lake Gen1', find: KV_CURL, replace: () => 'curl https://<ADLS NAME>.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS -H "Authorization: Bearer <ACCESS TOKEN>"', message: /29 February 2024/ },
    ],
    'retired-role': [
      { name: 'a Media Services role', find: ROLE_CMD, replace: (l) => l.replace('Storage Blob Data Reader', 'Media Services Media Operator'), message: /retired service \(2024-06-30\): "Azure Media Services will be retired June 30th, 2024" \(.*learn\.microsoft\.com.*\); az role definition list no longer lists it/ },
    ],
    'api-version-invalid': [
      { name: 'IMDS version not documented', find: TOKEN_CURL, replace: (l) => l.replace('api-version=2018-02-01', 'api-version=2017-09-01'), message: /2017-09-01/ },
      { name: 'api-version on a blob URL', find: BLOB_CURL, replace: (l) => l.replace('/test.txt ', '/test.txt?api-version=2016-09-01 '), message: /not a Blob storage parameter/ },
    ],
    'blob-bearer-missing-version': [
      { name: 'no x-ms-version', find: BLOB_CURL, replace: (l) => l.replace('-H "x-ms-version: 2017-11-09" ', ''), message: /Authentication scheme Bearer is not supported/ },
    ],
    'arm-body-content-type': [
      { name: 'JSON body without Content-Type', find: 'listServiceSas?api-version', replace: (l) => l.replace('-H "Content-Type: application/json" ', ''), message: /application\/x-www-form-urlencoded/ },
    ],
    'prose-case-sensitive-claim': [
      { name: 'uppercase G note', find: 'Resource Manager paths and resource group names are case-insensitive', replace: () => 'The URL is case-sensitive, so keep the uppercase "G" in resourceGroups.' },
    ],
    'prose-outdated-claim': [
      { name: 'Storage without Entra', find: 'Create a file to upload:', replace: () => "Azure Storage doesn't natively support Microsoft Entra authentication, so create a file to upload:", message: /2017-11-09/ },
    ],
    'prose-token-audience': [
      { name: 'storage token said to be for Resource Manager', find: 'The response looks like this (the token is shortened):', replace: () => 'The response includes the access token you need to access Resource Manager.', message: /storage\.azure\.com/ },
    ],
    'prose-parameter-not-in-command': [
      { name: '--assignee named, --assignee-object-id used', find: 'Replace `<PRINCIPAL ID>`', replace: (l) => `${l} Pass it as the --assignee parameter.`, message: /uses --assignee-object-id/ },
    ],
    'page-assumes-resource': [
      {
        name: 'a download from an account and container nothing creates or states',
        find: 'az storage blob download',
        replace: (l) => l.replace('-c <CONTAINER NAME>', '-c reports').replace('--account-name <STORAGE ACCOUNT>', '--account-name lintstore'),
        message: /^the page assumes the blob test\.txt in lintstore\/reports exists; say so in the prerequisites$/,
        severity: 'warning',
      },
      {
        name: 'an identity created in a resource group the page neither creates nor states',
        find: 'az identity create -g <RESOURCE GROUP>',
        replace: (l) => l.replace('<RESOURCE GROUP>', 'lintGroup'),
        message: /^the page assumes the resource group lintGroup exists; say so in the prerequisites$/,
        severity: 'warning',
      },
      {
        name: 'az webapp create on a plan nothing creates',
        find: 'az identity create -g <RESOURCE GROUP>',
        replace: (l) => `${l}\naz webapp create -g <RESOURCE GROUP> --plan <PLAN NAME> -n <APP NAME> --runtime "NODE:20-lts"`,
        offset: 1,
        message: /App Service plan <PLAN NAME>, which must already exist \(az webapp create never creates a plan\)/,
        severity: 'warning',
      },
    ],
    'missing-prerequisite': [
      { name: 'upload of a file nobody wrote', find: 'echo "This is a test file."', replace: () => 'pwd', offset: 6, message: /no earlier step creates that file/ },
    ],
  },
);
// psfresh's cases add to rules that already have some (a spread would replace them).
for (const [rule, more] of Object.entries(psfreshCases)) cases[rule] = [...(cases[rule] ?? []), ...more];

for (const [id, more] of Object.entries(exshapeExtraCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(psparityCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildKCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildICases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildJCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildQCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildSCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildUCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildWCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildRCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildVCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildNetCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildXCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildYCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildDataCases)) cases[id] = [...(cases[id] ?? []), ...more];
for (const [id, more] of Object.entries(wildOpsCases)) cases[id] = [...(cases[id] ?? []), ...more];

describe('every rule has a positive and a negative case', () => {
  it('covers each registered rule with at least one case, and nothing else', () => {
    expect(Object.keys(cases).sort()).toEqual(rules.map((r) => r.id).sort());
  });

  const clean = { docfx: lintText(CLEAN_DOCFX, 'docfx'), rendered: lintText(CLEAN_RENDERED, 'rendered') };

  for (const rule of rules) {
    describe(rule.id, () => {
      it('is quiet on the clean tutorial (DocFX and rendered forms)', () => {
        expect(clean.docfx.filter((f) => f.rule === rule.id)).toEqual([]);
        expect(clean.rendered.filter((f) => f.rule === rule.id)).toEqual([]);
      });
      for (const c of cases[rule.id] ?? []) {
        it(`fires: ${c.name}`, () => {
          let text: string;
          let line: number;
          if (rule.id === 'stated-content-mismatch') {
            // The output line comes after the echo's text; change the output, not the echo.
            const out = lineOf(CLEAN_DOCFX, 'This is a test file.', lineOf(CLEAN_DOCFX, '```output'));
            const lines = CLEAN_DOCFX.split('\n');
            lines[out - 1] = 'This is a test file. :)';
            text = lines.join('\n');
            line = out;
          } else ({ text, line } = mutate(CLEAN_DOCFX, c.find, c.replace));
          const found = lintText(text).filter((f) => f.rule === rule.id);
          const expectedLine = c.expectAt ? c.expectAt(text, line) : line + (c.offset ?? 0);
          const at = found.filter((f) => f.line === expectedLine);
          expect(at.length, `${rule.id} at line ${expectedLine}; got ${JSON.stringify(found.map((f) => [f.line, f.message]))}`).toBeGreaterThan(0);
          const finding = at[0];
          if (c.message) expect(finding?.message).toMatch(c.message);
          if (c.severity) expect(finding?.severity).toBe(c.severity);
          expect(finding?.file).toBe('tests/lint/fixtures/mutated.md');
        });
      }
    });
  }
});
