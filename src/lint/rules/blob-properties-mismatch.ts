// Sizes, ranges, hashes and names in a blob's properties against the data the tutorial wrote.
import { createHash } from 'node:crypto';
import type { Step } from '../../model.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz, eachEcho } from '../each.ts';
import { azOption } from '../commands.ts';
import type { JsonBlock } from '../document.ts';
import { countBefore, lastBefore } from '../order.ts';
import { locateKey } from '../../parse/json-reader.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

export const blobPropertiesMismatch: Rule = {
  id: 'blob-properties-mismatch',
  name: 'BlobPropertiesMismatch',
  severity: 'error',
  shortDescription: "A downloaded blob's length, range, MD5 or name contradicts the file the tutorial uploaded.",
  fullDescription:
    'The tutorial writes a known file (echo "This is a test file." > test.txt is 21 bytes with the newline echo adds) and uploads it; the properties az prints for that blob must then say contentLength 21, contentRange "bytes 0-20/21", the MD5 of those bytes and the blob name given to the upload. Other values come from another file.',
  help: 'Regenerate the example from the file the tutorial writes, or write the file the example shows.',
  check(doc) {
    const hits: RuleHit[] = [];
    const echoes = eachEcho(doc);
    const azs = eachAz(doc);
    const responseOf = new Map<Step, JsonBlock>();
    for (const b of doc.json) if (b.role === 'response' && b.step && !responseOf.has(b.step)) responseOf.set(b.step, b);
    const line = (a: { command: { step: Step } }): number => a.command.step.source.startLine;
    const uploadBefore = lastBefore(
      azs.filter((a) => a.az.path.join(' ') === 'storage blob upload'),
      line,
    );
    const echoesBefore = countBefore(echoes, line);
    const firstEcho = echoes.reduce<(typeof echoes)[number] | undefined>((best, e) => (best === undefined || line(e) < line(best) ? e : best), undefined);
    const echoByFile = new Map<string, typeof echoes>();
    for (const e of echoes) {
      const list = echoByFile.get(e.file);
      if (list) list.push(e);
      else echoByFile.set(e.file, [e]);
    }
    const fileEchoBefore = new Map([...echoByFile].map(([file, list]) => [file, lastBefore(list, line)]));
    for (const { command, az } of azs) {
      if (az.path.join(' ') !== 'storage blob download') continue;
      const block = responseOf.get(command.step);
      if (!block) continue;
      const read = block.read;
      const root = obj(read.value);
      const props = obj(root?.['properties']);
      if (!root || !props) continue;
      // The upload before this download, and the file it sent.
      const upload = uploadBefore(command.step.source.startLine);
      const uploadFile = upload ? azOption(upload.az, '-f', '--file')?.value?.value : undefined;
      const uploadName = upload ? azOption(upload.az, '-n', '--name')?.value?.value : undefined;
      const before = command.step.source.startLine;
      const source = uploadFile ? fileEchoBefore.get(uploadFile)?.(before) : echoesBefore(before) === 1 ? firstEcho : undefined;
      const stepId = command.step.id;
      const at = (key: string, hint?: string): { line: number; column: number } =>
        locateKey(read, key, hint) ?? { line: block.json.source.startLine, column: 1 };
      const name = typeof root['name'] === 'string' ? (root['name'] as string) : undefined;
      const expectedName = uploadName;
      if (name && expectedName && !/^<.*>$/.test(expectedName) && name !== expectedName)
        hits.push({ ...at('name'), stepId, message: `the downloaded blob is named ${JSON.stringify(name)}, but the upload on line ${upload?.command.step.source.startLine} names it ${JSON.stringify(expectedName)}. Show ${JSON.stringify(expectedName)}.` });
      else if (name && upload && uploadName === undefined && source && name !== source.file)
        hits.push({
          ...at('name'),
          stepId,
          message: `the downloaded blob is named ${JSON.stringify(name)}, but the upload on line ${upload.command.step.source.startLine} gives --name no value and the only file the tutorial writes is ${JSON.stringify(source.file)} (line ${source.fileWord.line}); nothing creates a blob called ${JSON.stringify(name)}. Give the upload --name ${source.file} and show that name.`,
        });
      if (!source) continue;
      const bytes = Buffer.from(source.content, 'utf8');
      const n = bytes.length;
      const what = `${JSON.stringify(source.content)} written to ${source.file} on line ${source.fileWord.line} (${n} bytes${source.content.endsWith('\n') ? ', with the newline echo adds' : ''})`;
      const length = props['contentLength'];
      if (typeof length === 'number' && length !== n)
        hits.push({ ...at('contentLength'), stepId, message: `contentLength is ${length}, but the blob holds ${what}. Write ${n}.`, suggestion: String(n) });
      const range = props['contentRange'];
      if (typeof range === 'string') {
        const m = /^bytes (\d+|None)-(\d+|None)\/(\d+)$/.exec(range);
        if (m && (Number(m[3]) !== n || (m[2] !== 'None' && Number(m[2]) !== n - 1)))
          hits.push({ ...at('contentRange'), stepId, message: `contentRange is ${JSON.stringify(range)}, but the blob holds ${what}. Write "bytes 0-${n - 1}/${n}".`, suggestion: `bytes 0-${n - 1}/${n}` });
      }
      const md5 = obj(props['contentSettings'])?.['contentMd5'];
      const actual = createHash('md5').update(bytes).digest('base64');
      if (typeof md5 === 'string' && md5 !== actual)
        hits.push({ ...at('contentMd5'), stepId, message: `contentMd5 is ${JSON.stringify(md5)}, but the MD5 of ${what} is ${JSON.stringify(actual)}. Write ${JSON.stringify(actual)}.`, suggestion: actual });
    }
    return hits;
  },
};
