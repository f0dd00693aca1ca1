// Regression: a quote ends a bash variable name, so `myResourceGroupName=$SignalRName"Group"` (the azure-docs CLI samples,
// azure-signalr/scripts/signalr-cli-create-service.md) sets SignalRTestSvc<N>Group. The tokenizer dropped the quotes
// and kept `$SignalRNameGroup`, another (unset) variable: az group create got the literal name and failed (a false
// fail, 400 InvalidParameter). The word now reads `${SignalRName}Group`.
import { describe, expect, it } from 'vitest';
import { tokenizeShell } from '../../src/parse/shell-words.ts';

describe('shell words: a quote ends a variable name (myResourceGroupName=$SignalRName"Group", signalr-cli-create-service.md)', () => {
  it('was read as $SignalRNameGroup, a false fail of az group create (400 InvalidParameter); now ${SignalRName}Group', () => {
    const words = (src: string) => tokenizeShell(src).tokens.flatMap((t) => (t.kind === 'word' ? [t.text] : []));
    expect(words('myResourceGroupName=$SignalRName"Group"')).toEqual(['myResourceGroupName=${SignalRName}Group']);
    expect(words('g="$NAME"Group h=$NAME\'x\' i="$NAME" j=$NAME"" k="${NAME}"Group')).toEqual(['g=${NAME}Group', 'h=${NAME}x', 'i=$NAME', 'j=$NAME', 'k=${NAME}Group']);
    // bash's dynamic variables stay as written (run/ leaves $RANDOM unexpanded) and a single-quoted $ is literal text
    expect(words('a=$RANDOM"x" b=\'$X\'y')).toEqual(['a=$RANDOMx', 'b=$Xy']);
  });
});
