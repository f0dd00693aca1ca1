// Sentences that state, as a fact, something Azure's documentation says is no longer (or never was) true.
import type { Rule, RuleHit } from '../rule.ts';

interface Claim {
  pattern: RegExp;
  correction: string;
}

const CLAIMS: readonly Claim[] = [
  {
    pattern: /Azure Storage (?:does not|doesn't|doesn’t|doesnâ€™t) natively support (?:Microsoft Entra|Azure AD|Azure Active Directory) authentication/i,
    correction:
      'Azure Storage accepts Microsoft Entra (OAuth) bearer tokens for Blob and Queue data (x-ms-version 2017-11-09 or later, generally available since 2019) with the Storage Blob Data roles; the access key (or a SAS) is only one option. Say that the tutorial uses the key although Entra authentication is available',
  },
  {
    // A vault's HSM keys were on FIPS 140-2 Level 2 HSMs until Key Vault moved them to a second
    // HSM platform; a sentence that already names the platforms is right.
    pattern: /\b(?:Key Vault|vaults?)\b[^.]*?\bHSMs?\b[^.]*?\bFIPS 140-2 Level 2\b(?![^.]*platform)/i,
    correction:
      'Key Vault creates every new HSM-protected key and key version on HSM platform 2, which is FIPS 140-3 Level 3 validated; only key versions created earlier stay on HSM platform 1 (FIPS 140-2 Level 2), and a key version\'s hsmPlatform attribute says which (Learn "About keys", https://learn.microsoft.com/azure/key-vault/keys/about-keys). State the level of HSM platform 2, or name both platforms',
  },
];

export const proseOutdatedClaim: Rule = {
  id: 'prose-outdated-claim',
  name: 'ProseOutdatedClaim',
  severity: 'warning',
  shortDescription: "The prose states as fact something Azure's documentation contradicts today.",
  fullDescription:
    'Tutorials written in 2017 say that Azure Storage does not support Microsoft Entra authentication, which is why they fetch account keys. Storage has accepted Entra bearer tokens for blobs and queues since 2019 (generally available; service version 2017-11-09 and later); readers believe a limitation that no longer exists and keep using shared keys. Pages also still say that Key Vault protects HSM keys with FIPS 140-2 Level 2 HSMs: every new key and key version is now created on HSM platform 2, FIPS 140-3 Level 3 validated (Learn "About keys").',
  help: 'Correct or remove the sentence; keep the key-based steps if they are the point of the tutorial, but say why.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      for (const claim of CLAIMS) {
        const m = claim.pattern.exec(text);
        if (m) hits.push({ line: n, column: (m.index ?? 0) + 1, message: `"${m[0]}" is no longer true: ${claim.correction}.` });
      }
    }
    return hits;
  },
};
