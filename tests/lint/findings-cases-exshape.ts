// Positive cases of issue 16 session 5's rules about the form and values of az output (exshape),
// merged into rules.test.ts's table. Negatives on real pages: exshape-rules.test.ts.
import { lineOf } from './helpers.ts';

const IDENTITY = 'az identity create -g <RESOURCE GROUP> -n <IDENTITY NAME>';
/** The clean fixture's az identity create answer starts on the line after its ```json fence. */
const answerLine = (text: string): number => lineOf(text, '```json', lineOf(text, IDENTITY)) + 1;

/** Cases added to a rule that has cases elsewhere (rules.test.ts appends them). */
export const exshapeExtraCases = {
  'example-id-vs-request': [
    {
      name: 'az create answers in another region than --location names',
      find: IDENTITY,
      replace: (l: string) => `${l} --location "East US"`,
      expectAt: (text: string) => lineOf(text, '"location": "westus"'),
      message: /location is "westus", not East US, which az identity create on line \d+ sets.*Show "eastus"/,
      severity: 'warning' as const,
    },
  ],
};

export const exshapeCases = {
  'az-output-form': [
    {
      name: 'JSON shown for --output tsv',
      find: IDENTITY,
      replace: (l: string) => `${l} --output tsv`,
      expectAt: answerLine,
      message: /--output tsv prints tab-separated values without quotes, braces or keys/,
      severity: 'warning' as const,
    },
    {
      name: 'JSON shown for --output none',
      find: IDENTITY,
      replace: (l: string) => `${l} -o none`,
      expectAt: answerLine,
      message: /"none" format prints nothing/,
      severity: 'warning' as const,
    },
    {
      name: 'one object shown for a projection',
      find: IDENTITY,
      replace: (l: string) => `${l} --query "[?location=='westus']"`,
      expectAt: answerLine,
      message: /returns a list .*JSON array, but the example shows one object/,
      severity: 'warning' as const,
    },
  ],
};
