// Bearer tokens on Blob storage need x-ms-version 2017-11-09 or later.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { hostAndPath } from '../commands.ts';
import { fixOf, insertAfter, replaceAt, wordOnLine, withFix } from '../fix.ts';

const MIN = '2017-11-09';

export const blobBearerMissingVersion: Rule = {
  id: 'blob-bearer-missing-version',
  name: 'BlobBearerMissingVersion',
  severity: 'error',
  shortDescription: 'A Blob storage request with a bearer token lacks x-ms-version 2017-11-09 or later.',
  fullDescription:
    'Azure Storage accepts OAuth (Entra) bearer tokens only from service version 2017-11-09. Without an x-ms-version header, or with an older one, it answers 403 AuthenticationFailed with the detail "Authentication scheme Bearer is not supported in this version."',
  help: 'Add -H "x-ms-version: 2017-11-09" (or a newer version) to the request.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const url = curl.urls[0];
      const hp = url ? hostAndPath(url.value) : undefined;
      if (!url || !hp || !hp.host.endsWith('.blob.core.windows.net')) continue;
      const bearer = curl.headers.find((h) => /^authorization$/i.test(h.name.trim()) && /^bearer\b/i.test(h.value));
      if (!bearer) continue;
      const version = curl.headers.find((h) => /^x-ms-version$/i.test(h.name.trim()));
      const value = version?.value.trim();
      if (value && value >= MIN) continue;
      hits.push({
        line: (version?.word ?? bearer.word).line,
        column: (version?.word ?? bearer.word).column,
        stepId: command.step.id,
        message: version
          ? `x-ms-version ${value} is older than ${MIN}, the first version that accepts bearer tokens: Storage answers 403 AuthenticationFailed ("Authentication scheme Bearer is not supported in this version."). Send x-ms-version: ${MIN} or newer.`
          : `this Blob request sends a bearer token without an x-ms-version header: Storage answers 403 AuthenticationFailed ("Authentication scheme Bearer is not supported in this version."). Add -H "x-ms-version: ${MIN}".`,
        suggestion: `-H "x-ms-version: ${MIN}"`,
        // Sure: the header is added after the Authorization header, or an older version written once in its word is replaced.
        ...withFix(
          !version
            ? fixOf(`add -H "x-ms-version: ${MIN}" after the Authorization header`, [insertAfter(doc, bearer.word, ` -H "x-ms-version: ${MIN}"`)])
            : value !== undefined && value !== '' && wordOnLine(doc, version.word) && version.word.raw.split(value).length === 2
              ? fixOf(`send x-ms-version: ${MIN}`, [replaceAt(doc, version.word.line, version.word.column + version.word.raw.indexOf(value), version.word.column + version.word.raw.indexOf(value) + value.length, MIN)])
              : undefined,
        ),
      });
    }
    return hits;
  },
};
