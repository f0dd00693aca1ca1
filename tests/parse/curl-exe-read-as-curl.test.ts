// defect: the fresh articles/ai-services/computer-vision/includes/image-analysis-curl-quickstart-40.md
// (the Image Analysis 4.0 REST quickstart) writes its one request as `curl.exe -H … "https://<endpoint>/…"`,
// the curl Windows ships, for the command prompt. The parser knew only `curl`: the block was "no command
// the parser knows", the request was no step, and what readers reported of it (azure-docs#120891:
// <endpoint> is a URL, written after https://) went unseen. curl.exe takes curl's options: it is curl.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const steps = (body: string[]) => parseTutorialText(['# T', '', '```bash', ...body, '```', ''].join('\n'), 'page.md', { form: 'docfx' }).steps;

describe('curl.exe', () => {
  it('is a curl request step, its URL and headers read as curl reads them', () => {
    const [step] = steps(['curl.exe -H "Ocp-Apim-Subscription-Key: <subscriptionKey>" "https://<endpoint>/computervision/imageanalysis:analyze?api-version=2023-10-01" -d "{\'url\':\'https://example.com/a.png\'}"']);
    expect(step?.kind).toBe('http');
    if (step?.kind !== 'http') return;
    expect(step.curl.url).toBe('https://<endpoint>/computervision/imageanalysis:analyze?api-version=2023-10-01');
    expect(step.curl.headers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Ocp-Apim-Subscription-Key' })]));
  });
  it('a word that only starts with curl stays no request (curlie, curl.sh)', () => {
    expect(steps(['curlie https://example.com']).filter((s) => s.kind === 'http')).toEqual([]);
    expect(steps(['curl.sh https://example.com']).filter((s) => s.kind === 'http')).toEqual([]);
  });
});
