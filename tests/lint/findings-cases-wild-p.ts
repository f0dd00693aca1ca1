// Positive cases of issue 16 session 12's wild-p rules (GitHub Actions workflows on CI/CD pages),
// merged into rules.test.ts's table: the fixture's note line becomes a workflow block. Their real
// pages, positive and negative, are in wild-p-rules.test.ts.
const STEPS = (...steps: string[]) =>
  ['```yaml', 'name: Build', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', ...steps, '```'].join('\n');

export const wildPCases = {
  'workflow-action-refused': [
    { name: 'actions/upload-artifact@v3 (failing since 2025-01-30)', find: 'This page is a test fixture', replace: () => STEPS('      - uses: actions/upload-artifact@v3', '        with:', '          name: app'), offset: 7, message: /actions\/upload-artifact@v3 is a retired major: since 2025-01-30.*automatically failed because it uses a deprecated version of `actions\/upload-artifact: v3`.*@v4/, severity: 'error' as const },
    { name: 'actions/cache@v2.1.7 (a v2 tag; failing since 2025-03-01)', find: 'This page is a test fixture', replace: () => STEPS('      - uses: actions/cache@v2.1.7'), offset: 7, message: /actions\/cache@v2\.1\.7 is a retired major: since 2025-03-01/, severity: 'error' as const },
    { name: 'actions/setup-node@18 (no v)', find: 'This page is a test fixture', replace: () => STEPS('      - uses: actions/setup-node@18'), offset: 7, message: /Unable to resolve action `actions\/setup-node@18`, unable to find version `18`.*actions\/setup-node@v18/, severity: 'error' as const },
  ],
  'workflow-action-input-missing': [
    { name: 'actions/setup-java@v4 with java-version only', find: 'This page is a test fixture', replace: () => STEPS('      - uses: actions/setup-java@v4', '        with:', "          java-version: '17'"), offset: 7, message: /requires the input distribution.*Input required and not supplied: distribution/, severity: 'error' as const },
  ],
  'hosted-image-retired': [
    { name: 'runs-on: ubuntu-20.04 (removed 2025-04-15)', find: 'This page is a test fixture', replace: () => STEPS('      - run: echo hi').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-20.04'), offset: 5, message: /GitHub-hosted runner image ubuntu-20\.04 was removed on 2025-04-15.*no runner ever picks it up.*ubuntu-latest/, severity: 'warning' as const },
    { name: 'Azure Pipelines vmImage through a variable', find: 'This page is a test fixture', replace: () => ['```yaml', 'variables:', "  vmImageName: 'ubuntu-18.04'", 'pool:', '  vmImage: $(vmImageName)', 'steps:', '- script: echo hi', '```'].join('\n'), offset: 2, message: /image ubuntu-18\.04 \(the value of \$\(vmImageName\), used by vmImage on line 12\) was removed on 2023-04-03.*No image label found to route agent pool Azure Pipelines/, severity: 'warning' as const },
  ],
  'workflow-step-unknown-key': [
    { name: 'azure/login inputs beside an empty with:', find: 'This page is a test fixture', replace: () => STEPS('      - uses: azure/login@v2', '        with:', '        client-id: ${{ secrets.AZURE_CLIENT_ID }}'), offset: 9, message: /"client-id" is not a key a workflow step can have.*"with:" on line 16 is empty/, severity: 'warning' as const },
  ],
};
