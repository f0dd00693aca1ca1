// defect: service-bus-quickstart-cli.md (tests/fresh) writes java -jar … -c "myConnectionString” -q
// "queue-name": the U+201D stands where the closing " belongs. smart-quote-in-command said so but
// told the reader to write 'myConnectionString -q queue-name' — one value for what were meant as
// two arguments. When a word opens with an ASCII quote and a curly closer of the same kind comes
// before any ASCII one, the message says where the closer belongs and suggests the value quoted as meant.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const smart = (line: string) => lintText(`# T\n\n\`\`\`bash\n${line}\n\`\`\`\n`).filter((f) => f.rule === 'smart-quote-in-command');

describe('a curly quote that closes an ASCII-quoted value', () => {
  it('is named as the misplaced closer, with the value quoted as meant', () => {
    const [f] = smart('java -jar app.jar -c "myConnectionString\u201d -q "queue-name"');
    expect(f?.message).toMatch(/stands where the closing " of "myConnectionString" belongs/);
    expect(f?.suggestion).toBe('"myConnectionString"');
  });
  it('leaves a pair of curly quotes to the usual message', () => {
    const [f] = smart('az role assignment create --role \u2018Reader\u2019 --assignee x');
    expect(f?.message).toMatch(/az looks up a role definition named/);
    expect(f?.suggestion).toBe("'Reader'");
  });
});
