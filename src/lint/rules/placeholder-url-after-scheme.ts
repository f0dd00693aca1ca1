// "https://<YOUR-KEY-VAULT-URL>/…": the placeholder asks for a URL, the command already has the scheme.
import type { Rule, RuleHit } from '../rule.ts';
import { placeholdersIn } from '../text.ts';

export const placeholderUrlAfterScheme: Rule = {
  id: 'placeholder-url-after-scheme',
  name: 'PlaceholderUrlAfterScheme',
  severity: 'error',
  shortDescription: 'A placeholder whose name says URL is written after a URL scheme.',
  fullDescription:
    'A reader asked for "<YOUR-KEY-VAULT-URL>" pastes the vault URL as shown in the portal (https://myvault.vault.azure.net/), so the command becomes https://https://myvault.vault.azure.net//secrets/…; curl takes "https" as the host name and fails with "Could not resolve host: https".',
  help: 'Ask for the part that belongs there: https://<YOUR-KEY-VAULT-NAME>.vault.azure.net/secrets/…, or drop the scheme from the command.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of doc.commands) {
      for (const l of command.lines) {
        for (const p of placeholdersIn(l.text)) {
          if (!/(^|_)(URL|URI|ENDPOINT)(_|$)/.test(p.key)) continue;
          const before = l.text.slice(0, p.column - 1);
          const scheme = /([a-z]+):\/\/$/i.exec(before);
          if (!scheme) continue;
          const example = /VAULT/.test(p.key) ? 'https://myvault.vault.azure.net/' : 'https://example.net/';
          const name = p.key.replace(/(^|_)(URL|URI|ENDPOINT)(_|$)/, '$1NAME$3').replace(/_/g, '-');
          hits.push({
            line: l.line,
            column: p.column,
            stepId: command.step.id,
            message: `${p.spelling} asks for a URL but follows "${scheme[0]}": pasting a URL such as ${example} gives ${scheme[0]}${example.replace(/\/$/, '')}…, and curl reads "${scheme[1]}" as the host ("Could not resolve host: ${scheme[1]}"). Ask for the host name instead${/VAULT/.test(p.key) ? `: ${scheme[0]}<${name}>.vault.azure.net` : ''}.`,
          });
        }
      }
    }
    return hits;
  },
};
