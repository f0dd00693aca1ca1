// defect: a ```json request body with one closing brace too many (articles/governance/resource-graph/
// first-query-rest-api.md: `"query": "Resources | … | limit 5"⏎ }⏎ }`) passed as valid JSON: the parser
// stopped at the first balanced value and dropped the stray `}`, so the block the reader copies — which
// Resource Graph rejects as malformed — was never reported.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const page = (body: string) => `# Query\n\nRun the query:\n\n- Request Body\n\n  \`\`\`json\n${body}\n  \`\`\`\n`;

describe('defect: a JSON block with a closing brace too many was read as valid JSON', () => {
  it('reports the stray brace as invalid JSON, at its line, saying what to remove', () => {
    const text = page('  {\n      "query": "Resources | limit 5"\n      }\n  }');
    const errors = lintText(text).filter((f) => f.rule === 'json-example-invalid');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.severity).toBe('error');
    expect(errors[0]!.line).toBe(11);
    expect(errors[0]!.message).toContain('one closing bracket too many');
  });

  it('stays silent on the same block without the extra brace', () => {
    const text = page('  {\n      "query": "Resources | limit 5"\n  }');
    expect(lintText(text).filter((f) => f.rule === 'json-example-invalid')).toEqual([]);
  });
});
