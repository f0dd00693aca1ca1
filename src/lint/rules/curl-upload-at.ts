// "curl -T @file": -T takes a file name as it is; the "@" of -d/-F is not part of its syntax.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { isBash } from '../shell.ts';

export const curlUploadAt: Rule = {
  id: 'curl-upload-at',
  name: 'CurlUploadAt',
  severity: 'error',
  shortDescription: 'curl -T (--upload-file) is given "@file", the syntax of -d and -F.',
  fullDescription:
    'curl reads "@name" as "the contents of the file name" only for --data and --form. -T/--upload-file takes the file name as written, so -T @app.zip asks for a file literally named "@app.zip": curl cannot open it and exits 26 ("Failed to open/read local data") without uploading anything.',
  help: 'Write the file name without "@": -T app.zip (or --data-binary @app.zip for a POST body).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const file = curl.uploadFile;
      if (!isBash(command) || !file || !file.value.startsWith('@')) continue;
      hits.push({
        line: file.line,
        column: file.column,
        stepId: command.step.id,
        message: `curl -T takes a file name, not "@file": it looks for a file named ${JSON.stringify(file.value)}, stops with "curl: Can't open '${file.value}'!" (exit 26) and uploads nothing. Write -T ${file.raw.replace(/^(["']?)@/, '$1')}.`,
        suggestion: file.raw.replace(/^(["']?)@/, '$1'),
      });
    }
    return hits;
  },
};
