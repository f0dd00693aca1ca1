// AzCopy written the way versions 7 (Linux: --source, --destination, --dest-key) and 8 (Windows:
// /Source:, /Dest:, /DestKey:) took it: AzCopy v10 wants a command first and has none of these options.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

const FENCES = new Set(['', 'bash', 'sh', 'shell', 'console', 'azurecli', 'azurecli-interactive', 'azcopy', 'cmd', 'powershell', 'azurepowershell', 'azurepowershell-interactive']);
const LEGACY = /^(?:--(?:source|destination|source-key|dest-key|source-sas|dest-sas|source-type|dest-type)(?:=|$)|\/(?:Source|Dest|SourceKey|DestKey|SourceSAS|DestSAS|Pattern):)/i;

export const azcopyLegacySyntax: Rule = {
  id: 'azcopy-legacy-syntax',
  name: 'AzcopyLegacySyntax',
  severity: 'warning',
  shortDescription: 'An azcopy command is written with the options of AzCopy 7/8 (--source, --destination, --dest-key, /Source:, /Dest:), which AzCopy v10 does not have.',
  fullDescription:
    'AzCopy v10, the version the AzCopy download links and package managers install, reads "azcopy <command> <source> <destination> [flags]" (azcopy copy, sync, make, remove…): its root command has no --source, --destination or --dest-key flag, so "azcopy --source … --destination … --dest-key …" stops with "unknown flag: --source" and copies nothing, and the Windows /Source: /Dest: form is read as paths. v10 also takes no account key on the command line: it authorizes with Microsoft Entra ID (azcopy login) or a SAS appended to the URL. The page only works with the retired AzCopy 7 (Linux) or 8 (Windows). Sources: Azure/azure-storage-azcopy wiki "azcopy" and "azcopy_copy" (the v10 command reference), learn.microsoft.com/azure/storage/common/storage-use-azcopy-v10.',
  help: "Write the v10 form: azcopy copy '<local path>' 'https://<account>.blob.core.windows.net/<container>/<blob><SAS>' (or sign in with azcopy login first).",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (!FENCES.has(fence.info)) continue;
      for (let n = fence.open + 1; n < fence.close; n++) {
        if (!/^\s*(?:\$\s+|>\s+)?azcopy(?:\.exe)?(?:\s|$)/i.test(doc.line(n))) continue;
        let end = n;
        while (end + 1 < fence.close && /(?:\\|`|\^)\s*$/.test(doc.line(end))) end++;
        const joined = Array.from({ length: end - n + 1 }, (_, i) => doc.line(n + i).replace(/(?:\\|`|\^)\s*$/, ' ')).join(' ');
        // AzCopy v10 reads a command first; an option or a /Name: switch in its place is the old syntax
        const first = /azcopy(?:\.exe)?\s+(\S+)/i.exec(joined)?.[1];
        if (!first || !/^(?:--?|\/)[A-Za-z]/.test(first)) {
          n = end;
          continue;
        }
        // every legacy option, on its own line: each has to be rewritten
        for (let k = n; k <= end; k++) {
          for (const m of doc.line(k).matchAll(/(?<=^|\s)(\S+)/g)) {
            if (!LEGACY.test(m[1]!)) continue;
            const option = m[1]!.replace(/[=:].*$/, (s) => (s.startsWith(':') ? ':' : ''));
            hits.push({
              line: k,
              column: m.index! + 1,
              message: `${option} is an option of AzCopy 7/8: AzCopy v10 (the version installed today) takes a command first (azcopy copy '<source>' '<destination>') and has no ${option} flag, so it stops with "unknown flag" (or reads /Name: switches as paths) and copies nothing. Write azcopy copy '<source>' 'https://<account>.blob.core.windows.net/<container><SAS>' and authorize with azcopy login or a SAS instead of an account key.`,
            });
          }
        }
        n = end;
      }
    }
    return hits;
  },
};
