// defect: a closing precision sweep (MicrosoftDocs/azure-security-docs @1c4310be, articles/key-vault/general/
// apps-api-keys-secrets.md:66, 76) — `--assignee <object-id-of-app-or-user>` and `-ObjectId
// <object-id-of-app-or-user>`. az-assignee-id-kind said the value was "a client (application) id by its name": the
// placeholder asks for an object id (of an app or a user). A name of both kinds says neither.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const FILE = 'tests/lint/fixtures/real/apps-api-keys-secrets.excerpt.md';

describe('az-assignee-id-kind: a placeholder naming both kinds of id', () => {
  it('<object-id-of-app-or-user> is not called a client id', () => {
    expect(ruleFindings('az-assignee-id-kind', FILE)).toEqual([]);
  });
  it('a placeholder naming only the app id is still reported on -ObjectId', () => {
    const text = readRepoFile(FILE).replace('-ObjectId <object-id-of-app-or-user>', '-ObjectId <app-id>');
    expect(ruleFindings('az-assignee-id-kind', FILE, text).map((f) => f.message)).toEqual([expect.stringMatching(/<app-id>, a client \(application\) id by its name/)]);
  });
});
