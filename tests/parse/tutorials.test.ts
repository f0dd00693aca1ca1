// Every step of every tutorial, with its kind, lines, method, URL, headers and body, written by
// reading the tutorial texts (not by snapshotting the parser's output). NBSPs and look-alike
// characters are spelled out: they are part of what bash passes to curl and az.
import { describe, expect, it } from 'vitest';
import { Tutorial } from '../../src/model.ts';
import { NBSP, summarize, tutorial, type Summary } from './helpers.ts';

const IMDS = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01';
const META: [string, string] = ['Metadata', 'true'];
const ARM_RG = 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>';
const LIST_KEYS = `${ARM_RG}/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/listKeys?api-version=2016-12-01`;
const UAMI_ID = '/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<UAMI NAME>';
const SSH: string[] = ['ssh-session'];

const expected: Record<string, Summary[]> = {
  '000-datalake.md': [
    {
      id: 's1',
      kind: 'manual',
      lines: [16, 28],
      creates: ['data-lake-acl: root folder: Read, Execute', 'data-lake-folder: TestFolder', 'data-lake-acl: TestFolder: Read, Write, Execute'],
    },
    { id: 's2', kind: 'manual', lines: [46, 48], creates: SSH },
    {
      id: 's3',
      kind: 'http',
      lines: [52, 52],
      method: 'GET',
      url: `${IMDS}&resource=https%3A%2F%2Fdatalake.azure.net%2F`,
      headers: [META],
      expect: ['json', 57, 63],
    },
    {
      id: 's4',
      kind: 'http',
      lines: [67, 67],
      method: 'GET',
      url: 'https://<YOUR_ADLS_NAME>.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS',
      headers: [['Authorization', 'Bearer <ACCESS_TOKEN>']],
      expect: ['json', 72, 72],
    },
    { id: 's5', kind: 'shell', lines: [76, 76], shell: { kind: 'write-file', file: 'Test1.txt', content: 'Test file.\n', append: false } },
    {
      id: 's6',
      kind: 'http',
      lines: [80, 80],
      method: 'PUT',
      url: 'https://<YOUR_ADLS_NAME>.azuredatalakestore.net/webhdfs/v1/<FOLDER_NAME>/Test1.txt?op=CREATE',
      headers: [['Authorization', 'Bearer <ACCESS_TOKEN>']],
      flags: 'X L i T:Test1.txt',
      expect: ['http', 85, 114],
    },
  ],

  '000-storage.md': [
    { id: 's1', kind: 'manual', lines: [18, 30], creates: ['storage-account'] },
    {
      id: 's2',
      kind: 'manual',
      lines: [36, 56],
      creates: ['blob-container', 'blob: hello world.txt', 'blob: hello_world.txt', 'blob-content: Hello world!'],
    },
    { id: 's3', kind: 'manual', lines: [60, 60], creates: ['role-assignment: storage-blob-data-reader (scope: resource group)'] },
    { id: 's4', kind: 'manual', lines: [76, 78], creates: SSH },
    { id: 's5', kind: 'http', lines: [82, 82], method: 'GET', url: `${IMDS}&resource=https%3A%2F%2Fstorage.azure.com%2F`, headers: [META] },
    {
      id: 's6',
      kind: 'http',
      lines: [86, 86],
      method: 'GET',
      url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>',
      headers: [
        ['x-ms-version', '2017-11-09'],
        ['Authorization', 'Bearer <ACCESS TOKEN>'],
      ],
      expect: ['text', 91, 91],
    },
    { id: 's7', kind: 'shell', lines: [96, 96], shell: { kind: 'comment', text: 'Run the first curl command and capture its output in a variable' } },
    {
      id: 's8',
      kind: 'shell',
      lines: [97, 97],
      shell: {
        kind: 'assign',
        variable: 'access_token',
        pipeline: `curl '${IMDS}&resource=https%3A%2F%2Fstorage.azure.com%2F' -H Metadata:true | jq -r '.access_token'`,
        curl: {
          method: 'GET',
          methodExplicit: false,
          url: `${IMDS}&resource=https%3A%2F%2Fstorage.azure.com%2F`,
          headers: [{ name: 'Metadata', value: 'true', raw: 'Metadata:true' }],
          data: [],
          followRedirects: false,
          includeHeaders: false,
          get: false,
          silent: false,
          extraUrls: [],
          unknownFlags: [],
          argv: [`${IMDS}&resource=https%3A%2F%2Fstorage.azure.com%2F`, '-H', 'Metadata:true'],
        },
        jqFilter: '.access_token',
      },
    },
    { id: 's9', kind: 'shell', lines: [99, 99], shell: { kind: 'comment', text: 'Run the second curl command with the access token' } },
    {
      id: 's10',
      kind: 'http',
      lines: [100, 102],
      method: 'GET',
      url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>',
      headers: [
        ['x-ms-version', '2017-11-09'],
        ['Authorization', 'Bearer $access_token'],
      ],
    },
  ],

  '000-storage-sas.md': [
    { id: 's1', kind: 'manual', lines: [22, 34], creates: ['storage-account'] },
    { id: 's2', kind: 'manual', lines: [40, 48], creates: ['blob-container'] },
    { id: 's3', kind: 'manual', lines: [54, 54], creates: ['role-assignment: Storage Account Contributor (scope: resource group)'] },
    // items 1-5 (SSH); item 6 "Use CURL to get an access token" describes the next command
    { id: 's4', kind: 'manual', lines: [70, 74], creates: SSH },
    {
      id: 's5',
      kind: 'http',
      lines: [79, 79],
      method: 'GET',
      url: `${IMDS}&resource=https%3A%2F%2Fmanagement.azure.com%2F`,
      headers: [META],
      expect: ['json', 87, 95],
    },
    {
      id: 's6',
      kind: 'http',
      lines: [115, 115],
      method: 'POST',
      url: `${ARM_RG}/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/listServiceSas/?api-version=2017-06-01`,
      headers: [['Authorization', 'Bearer <ACCESS TOKEN>']],
      data: [
        [
          '-d',
          '{"canonicalizedResource":"/blob/<STORAGE ACCOUNT NAME>/<CONTAINER NAME>","signedResource":"c","signedPermission":"rcw","signedProtocol":"https","signedExpiry":"<EXPIRATION TIME>"}',
        ],
      ],
      flags: 'X',
      expect: ['json', 123, 123],
    },
    { id: 's7', kind: 'shell', lines: [127, 127], shell: { kind: 'write-file', file: 'test.txt', content: 'This is a test file.\n', append: false } },
    // The option lines under the az command have no trailing "\": bash runs line 131 alone.
    { id: 's8', kind: 'az', lines: [131, 135], path: 'storage blob upload', options: [['--container-name', null]], expect: ['json', 139, 143] },
    { id: 's9', kind: 'az', lines: [149, 153], path: 'storage blob download', options: [['--container-name', null]], expect: ['json', 157, 193] },
  ],

  '000-storage-access-key.md': [
    { id: 's1', kind: 'manual', lines: [14, 26], creates: ['storage-account'] },
    { id: 's2', kind: 'manual', lines: [32, 40], creates: ['blob-container'] },
    { id: 's3', kind: 'manual', lines: [44, 44], creates: ['role-assignment: Storage Account Contributor (scope: resource group)'] },
    { id: 's4', kind: 'manual', lines: [58, 62], creates: SSH },
    {
      id: 's5',
      kind: 'http',
      lines: [68, 68],
      method: 'GET',
      url: `${IMDS}&resource=https%3A%2F%2Fmanagement.azure.com%2F`,
      headers: [META],
      expect: ['json', 75, 83],
    },
    {
      id: 's6',
      kind: 'http',
      lines: [90, 90],
      method: 'POST',
      url: LIST_KEYS,
      headers: [['Authorization', 'Bearer <ACCESS TOKEN>']],
      data: [['-d', '']],
      flags: 'X',
      expect: ['json', 98, 98],
    },
    { id: 's7', kind: 'shell', lines: [102, 102], shell: { kind: 'write-file', file: 'test.txt', content: 'This is a test file.\n', append: false } },
    {
      id: 's8',
      kind: 'az',
      lines: [106, 106],
      path: 'storage blob upload',
      options: [
        ['-c', '<CONTAINER NAME>'],
        ['-n', 'test.txt'],
        ['-f', 'test.txt'],
        ['--account-name', '<STORAGE ACCOUNT NAME>'],
        ['--account-key', '<STORAGE ACCOUNT KEY>'],
      ],
      expect: ['json', 110, 114],
    },
    {
      id: 's9',
      kind: 'az',
      lines: [120, 120],
      path: 'storage blob download',
      options: [
        ['-c', '<CONTAINER NAME>'],
        ['-n', 'test.txt'],
        ['-f', 'test-download.txt'],
        ['--account-name', '<STORAGE ACCOUNT NAME>'],
        ['--account-key', '<STORAGE ACCOUNT KEY>'],
      ],
      expect: ['json', 124, 160],
    },
  ],

  '000-key-vault.md': [
    { id: 's1', kind: 'manual', lines: [24, 40], creates: ['key-vault'] },
    { id: 's2', kind: 'manual', lines: [46, 60], creates: ['key-vault-secret'] },
    { id: 's3', kind: 'manual', lines: [66, 80], creates: ['key-vault-access-policy: Secret Management'] },
    { id: 's4', kind: 'manual', lines: [90, 91], creates: SSH },
    // the curl at column 0 after item 3, then a dangling "  ```" and a "```bash" that never closes
    { id: 's5', kind: 'http', lines: [93, 93], method: 'GET', url: `${IMDS}&resource=https%3A%2F%2Fvault.azure.net`, headers: [META], expect: ['json', 100, 106] },
    {
      id: 's6',
      kind: 'http',
      lines: [110, 110],
      method: 'GET',
      url: 'https://<YOUR-KEY-VAULT-URL>/secrets/<secret-name>?api-version=2016-10-01',
      headers: [['Authorization', `Bearer <ACCESS TOKEN>${NBSP}`]],
      expect: ['json', 114, 114],
    },
  ],

  '004-key-vault.md': [
    { id: 's1', kind: 'manual', lines: [24, 42], creates: ['key-vault'] },
    { id: 's2', kind: 'manual', lines: [48, 62], creates: ['key-vault-secret'] },
    { id: 's3', kind: 'manual', lines: [68, 82], creates: ['key-vault-access-policy: Secret Management'] },
    { id: 's4', kind: 'manual', lines: [92, 94], creates: SSH },
    {
      id: 's5',
      kind: 'http',
      lines: [100, 100],
      method: 'GET',
      url: `${IMDS}&resource=https%3A%2F%2Fvault.azure.net`,
      headers: [['Metadata', `true${NBSP}${NBSP}`]],
      expect: ['json', 107, 113],
    },
    {
      id: 's6',
      kind: 'http',
      lines: [118, 118],
      method: 'GET',
      url: 'https://<YOUR-KEY-VAULT-URL>/secrets/<secret-name>?api-version=2016-10-01',
      headers: [['Authorization', `Bearer <ACCESS TOKEN>${NBSP}`]],
      expect: ['json', 123, 123],
    },
  ],

  '000-arm-system-assigned.md': [
    { id: 's1', kind: 'manual', lines: [13, 33], creates: ['role-assignment: Reader'] },
    { id: 's2', kind: 'manual', lines: [41, 43], creates: SSH },
    // resource=https://management.azure.com/ unencoded in the query
    { id: 's3', kind: 'http', lines: [45, 45], method: 'GET', url: `${IMDS}&resource=https://management.azure.com/`, headers: [META], expect: ['json', 55, 63] },
    {
      id: 's4',
      kind: 'http',
      lines: [71, 71],
      method: 'GET',
      url: 'https://management.azure.com/subscriptions/<SUBSCRIPTION-ID>/resourceGroups/<RESOURCE-GROUP>?api-version=2016-09-01',
      headers: [['Authorization', `Bearer <ACCESS-TOKEN>${NBSP}`]],
      expect: ['json', 75, 83],
    },
  ],

  '000-arm-user-assigned.md': [
    { id: 's1', kind: 'az', lines: [20, 20], path: 'identity create', options: [['-g', '<RESOURCE GROUP>'], ['-n', '<UAMI NAME>']], expect: ['json', 24, 35] },
    { id: 's2', kind: 'az', lines: [43, 43], path: 'vm identity assign', options: [['-g', '<RESOURCE GROUP>'], ['-n', '<VM NAME>'], ['--identities', UAMI_ID]] },
    {
      id: 's3',
      kind: 'az',
      lines: [51, 51],
      path: 'role assignment create',
      options: [
        ['--assignee', '<UAMI PRINCIPALID>'],
        ['--role', 'Reader'],
        ['--scope', '/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP> '],
      ],
      expect: ['json', 55, 65],
    },
    { id: 's4', kind: 'manual', lines: [77, 81], creates: SSH },
    {
      id: 's5',
      kind: 'http',
      lines: [87, 87],
      method: 'GET',
      url: `${IMDS}&resource=https%3A%2F%2Fmanagement.azure.com/&client_id=<UAMI CLIENT ID>`,
      headers: [META],
      expect: ['json', 98, 106],
    },
    {
      id: 's6',
      kind: 'http',
      lines: [114, 114],
      method: 'GET',
      url: `${ARM_RG}?api-version=2016-09-01`,
      headers: [['Authorization', 'Bearer <ACCESS TOKEN>']],
      expect: ['json', 119, 124],
    },
  ],

  '003-arm-user-assigned.md': [
    { id: 's1', kind: 'az', lines: [29, 29], path: 'identity create', options: [['-g', '<RESOURCE GROUP>'], ['-n', '<UAMI NAME>']], expect: ['json', 33, 44] },
    { id: 's2', kind: 'az', lines: [52, 52], path: 'vm identity assign', options: [['-g', '<RESOURCE GROUP>'], ['-n', '<VM NAME>'], ['--identities', UAMI_ID]] },
    {
      id: 's3',
      kind: 'az',
      lines: [60, 60],
      path: 'role assignment create',
      options: [
        ['--assignee', '<UAMI PRINCIPALID>'],
        ['--role', 'Reader'],
        ['--scope', '/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP> '],
      ],
      expect: ['json', 64, 74],
    },
    { id: 's4', kind: 'manual', lines: [82, 86], creates: SSH },
    {
      id: 's5',
      kind: 'http',
      lines: [92, 92],
      method: 'GET',
      // three NBSPs glued to the closing quote join the URL word
      url: `${IMDS}&resource=https%3A%2F%2Fmanagement.azure.com/&client_id=<UAMI CLIENT ID>${NBSP}${NBSP}${NBSP}`,
      headers: [META],
      expect: ['json', 103, 111],
    },
    {
      id: 's6',
      kind: 'http',
      lines: [119, 119],
      method: 'GET',
      url: `${ARM_RG}?api-version=2016-09-01`,
      headers: [['Authorization', `Bearer <ACCESS TOKEN>${NBSP}`]],
      expect: ['json', 124, 129],
    },
  ],

  '001-storage-access-key.md': [
    { id: 's1', kind: 'manual', lines: [37, 44], creates: ['storage-account'] },
    { id: 's2', kind: 'manual', lines: [50, 55], creates: ['blob-container'] },
    { id: 's3', kind: 'manual', lines: [59, 59], creates: ['role-assignment: Storage Account Contributor (scope: resource group)'] },
    { id: 's4', kind: 'manual', lines: [73, 75], creates: SSH },
    {
      id: 's5',
      kind: 'http',
      lines: [81, 81],
      method: 'GET',
      url: `${IMDS}&resource=https%3A%2F%2Fmanagement.azure.com%2F`,
      headers: [META],
      expect: ['json', 89, 97],
    },
    {
      id: 's6',
      kind: 'http',
      lines: [105, 105],
      method: 'POST',
      url: LIST_KEYS,
      headers: [['Authorization', 'Bearer <ACCESS TOKEN>']],
      data: [['-d', '']],
      flags: 'X',
      expect: ['json', 114, 114],
    },
    { id: 's7', kind: 'shell', lines: [120, 120], shell: { kind: 'write-file', file: 'test.txt', content: 'This is a test file.\n', append: false } },
    {
      id: 's8',
      kind: 'az',
      lines: [127, 127],
      path: 'storage blob upload',
      options: [
        ['-c', '<CONTAINER NAME>'],
        ['-n', 'test.txt'],
        ['-f', 'test.txt'],
        ['--account-name', '<STORAGE ACCOUNT NAME>'],
        ['--account-key', '<STORAGE ACCOUNT KEY>'],
      ],
      expect: ['json', 133, 137],
    },
    {
      id: 's9',
      kind: 'az',
      lines: [145, 145],
      path: 'storage blob download',
      options: [
        ['-c', '<CONTAINER NAME>'],
        ['-n', 'test.txt'],
        ['-f', 'test-download.txt'],
        ['--account-name', '<STORAGE ACCOUNT NAME>'],
        ['--account-key', '<STORAGE ACCOUNT KEY>'],
      ],
      expect: ['json', 151, 187],
    },
  ],

  '002-storage-user-assigned.md': [
    { id: 's1', kind: 'manual', lines: [52, 60], creates: ['virtual-machine', 'resource-group'] },
    { id: 's2', kind: 'az', lines: [67, 67], path: 'login', options: [] },
    { id: 's3', kind: 'az', lines: [73, 73], path: 'identity create', options: [['-g', '<RESOURCE GROUP>'], ['-n', '<MSI NAME>']], expect: ['json', 79, 90] },
    {
      id: 's4',
      kind: 'az',
      lines: [100, 100],
      path: 'vm assign-identity',
      options: [
        ['-g', '<RESOURCE GROUP>'],
        ['-n', '<VM NAME>'],
        // hyphen + en dash, kept as written
        ['-\u2013identities', '/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<MSI NAME>'],
      ],
    },
    { id: 's5', kind: 'manual', lines: [107, 114], creates: ['storage-account'] },
    { id: 's6', kind: 'manual', lines: [120, 125], creates: ['blob-container'] },
    {
      id: 's7',
      kind: 'az',
      lines: [134, 134],
      path: 'role assignment create',
      options: [
        ['--assignee', '<MSI CLIENTID>'],
        ['--role', '\u2018Reader\u2019'],
        ['--scope', '/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP>/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/blobServices/default/<CONTAINER NAME>'],
      ],
      expect: ['json', 139, 149],
    },
    { id: 's8', kind: 'manual', lines: [158, 159], creates: SSH },
    {
      id: 's9',
      kind: 'http',
      lines: [165, 165],
      method: 'GET',
      url: 'http://localhost:50342/oauth2/token?resource=https%3A%2F%2Fstorage.azure.com/&client_id=<CLIENT ID>',
      headers: [META],
      expect: ['json', 173, 179],
    },
    {
      id: 's10',
      kind: 'http',
      lines: [185, 185],
      method: 'GET',
      // api-version in the query, no x-ms-version header
      url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>?api-version=2016-09-01',
      headers: [['Authorization', 'Bearer <ACCESS TOKEN>']],
      expect: ['text', 191, 191],
    },
  ],

  '002-storage-access-key-user-assigned.md': [
    { id: 's1', kind: 'manual', lines: [5, 13], creates: ['role-assignment: Storage Account Key Operator Service Role'] },
    { id: 's2', kind: 'manual', lines: [21, 23], creates: SSH },
    {
      id: 's3',
      kind: 'http',
      lines: [29, 29],
      method: 'POST',
      url: 'http://localhost:50342/oauth2/token',
      headers: [META],
      data: [['--data', 'resource=https://management.azure.com/']],
      expect: ['json', 37, 43],
    },
    {
      id: 's4',
      kind: 'http',
      lines: [51, 51],
      // "–-request POST" (en dash) is not an option: both words are further URLs; -d implies POST
      method: 'POST',
      url: LIST_KEYS,
      headers: [['Authorization', 'Bearer <ACCESS TOKEN>']],
      data: [['-d', '']],
      extraUrls: ['\u2013-request', 'POST'],
      expect: ['json', 60, 60],
    },
    { id: 's5', kind: 'shell', lines: [65, 65], shell: { kind: 'write-file', file: 'test.txt', content: 'This is a test file.\n', append: false } },
    {
      id: 's6',
      kind: 'az',
      lines: [72, 72],
      path: 'storage blob upload',
      options: [
        ['-c', '<CONTAINER NAME>'],
        ['-n', 'test.txt'],
        ['-f', 'test.txt'],
        ['--account-name', '<STORAGE ACCOUNT NAME>'],
        ['--account-key', '<STORAGE ACCOUNT KEY>'],
      ],
      expect: ['json', 78, 82],
    },
    {
      id: 's7',
      kind: 'az',
      lines: [90, 90],
      path: 'storage blob download',
      options: [
        ['-c', '<CONTAINER NAME>'],
        ['-n', 'test.txt'],
        ['-f', 'test-download.txt'],
        ['--account-name', '<STORAGE ACCOUNT NAME>'],
        ['--account-key', '<STORAGE ACCOUNT KEY>'],
      ],
      expect: ['json', 96, 132],
    },
  ],
};

describe('every tutorial gives exactly the steps its text holds', () => {
  it('covers all twelve tutorials', () => {
    expect(Object.keys(expected)).toHaveLength(12);
  });
  for (const [file, steps] of Object.entries(expected)) {
    it(`${file}`, () => {
      const t = tutorial(file);
      expect(() => Tutorial.parse(t)).not.toThrow();
      expect(t.file).toBe(`tutorials/${file}`);
      expect(t.steps.map(summarize)).toEqual(steps);
      for (const s of t.steps) expect(s.source.file).toBe(`tutorials/${file}`);
    });
  }
});
