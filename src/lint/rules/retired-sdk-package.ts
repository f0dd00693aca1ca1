// A code block installs, references or imports an Azure client library that Microsoft has retired:
// WindowsAzure.Storage / Microsoft.Azure.Storage.*, Microsoft.Azure.KeyVault, Python azure-storage-blob
// 2.x (BlockBlobService) and azure-keyvault 1.x (KeyVaultClient), npm azure-storage and azure-keyvault,
// ADAL in every language, azure-common credentials, Go track-1 packages (azure-sdk-for-go/services/…,
// azure-storage-blob-go) and the moved Go Key Vault modules (sdk/keyvault/azsecrets)… Facts from src/reference/retired-sdks.ts (the Azure
// SDK release inventory, generated, plus a hand-edited file with a source per entry).
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceAt } from '../fences.ts';
import { retiredPackage, retiredTools, versionRetired, type RetiredFact, type SdkLanguage } from '../../reference/retired-sdks.ts';
import { WCF_RELAY_PACKAGE, wcfRelayOnly } from '../wcf-relay.ts';

interface Reference {
  language: SdkLanguage;
  name: string;
  version?: string;
  /** Where the name is on the line (0-based). */
  index: number;
  /** The code uses a class only the retired line has (so no version is needed to know). */
  legacyClass?: string;
}

const CSHARP = /^(csharp|cs|c#)$/;
const PYTHON = /^(python|py|python3)$/;
const JAVA = /^(java)$/;
const JSLIKE = /^(javascript|js|typescript|ts|node|nodejs)$/;
const PACKAGE_FILES = /^(json|xml|groovy|gradle|kotlin|)$/;
const GO = /^(go|golang)$/;
// A Go module or package path: a host with a dot, then at least one path segment.
const GO_PATH = String.raw`[\w-]+(?:\.[\w-]+)+\/[\w.~\/-]+`;
const GO_GET_ARG = new RegExp(String.raw`(?<=^|\s)(${GO_PATH})(?:@(\S+))?`, 'g');
const GO_IMPORT = new RegExp(String.raw`^\s*(?:import\s+)?(?:[\w.]+\s+)?"(${GO_PATH})"\s*(?:\/\/.*)?$`);
const GO_REQUIRE = new RegExp(String.raw`^\s*(?:require\s+)?(${GO_PATH})\s+(v\d\S*)`);

/** Every package reference one line of code makes, by the conventions of its language's tools. */
function referencesOn(text: string, info: string, pendingGroup: { id?: string }): Reference[] {
  const out: Reference[] = [];
  const add = (language: SdkLanguage, name: string, at: number, version?: string, legacyClass?: string): void => {
    out.push({ language, name, index: at, ...(version ? { version } : {}), ...(legacyClass ? { legacyClass } : {}) });
  };
  let m: RegExpExecArray | null;
  // .NET: dotnet add package, Install-Package, <PackageReference>, using directives.
  if ((m = /\bdotnet\s+add\s+(?:\S+\s+)?package\s+([\w.-]+)(?:.*?(?:-v|--version)\s+(\S+))?/i.exec(text))) add('dotnet', m[1] as string, text.indexOf(m[1] as string, m.index), m[2]);
  if ((m = /\bInstall-Package\s+(?:-Id\s+)?([\w.-]+)(?:.*?-Version\s+(\S+))?/i.exec(text))) add('dotnet', m[1] as string, text.indexOf(m[1] as string, m.index), m[2]);
  for (const r of text.matchAll(/<PackageReference\s+Include="([\w.-]+)"(?:\s+Version="([^"]*)")?/gi)) add('dotnet', r[1] as string, (r.index ?? 0) + r[0].indexOf(r[1] as string), r[2]);
  if (CSHARP.test(info) && (m = /^\s*using\s+(?:static\s+)?([A-Za-z][\w.]*)\s*;/.exec(text))) {
    const ns = m[1] as string;
    const at = text.indexOf(ns);
    const alias = Object.entries(retiredTools().codeNames.dotnet).find(([prefix]) => ns === prefix || ns.startsWith(`${prefix}.`));
    // The longest retired package name the namespace is or starts with (namespaces follow package names).
    const parts = ns.split('.');
    let found = false;
    for (let k = parts.length; k >= 2 && !found; k--) {
      const name = parts.slice(0, k).join('.');
      if (retiredPackage('dotnet', name)) {
        add('dotnet', name, at);
        found = true;
      }
    }
    if (!found && alias) add('dotnet', alias[1], at);
  }
  // Python: pip install (each requirement), imports.
  if ((m = /\bpip3?\s+install\s+(.+)$/.exec(text))) {
    const args = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(args);
    for (const r of args.matchAll(/(?<=^|\s)["']?([A-Za-z][\w.-]*)(?:\[[^\]]*\])?\s*((?:[<>=!~]=?|===)\s*[\w.*]+(?:\s*,\s*(?:[<>=!~]=?)\s*[\w.*]+)*)?["']?/g)) {
      if (/^-/.test(r[1] as string)) continue;
      add('python', r[1] as string, start + (r.index ?? 0) + r[0].indexOf(r[1] as string), r[2]?.replace(/^==/, ''));
    }
  }
  if (PYTHON.test(info)) {
    const names = retiredTools().codeNames;
    if ((m = /^\s*from\s+([\w.]+)\s+import\s+(.+)$/.exec(text))) {
      const mod = m[1] as string;
      const legacy = names.pythonClasses[mod];
      const cls = legacy?.classes.find((c) => new RegExp(`\\b${c}\\b`).test(m![2] as string));
      if (legacy && cls) add('python', legacy.package, text.indexOf(cls), undefined, cls);
      const module = Object.keys(names.pythonModules).find((p) => mod === p || mod.startsWith(`${p}.`));
      if (module) add('python', names.pythonModules[module] as string, text.indexOf(mod));
    } else if ((m = /^\s*import\s+([\w.]+)/.exec(text))) {
      const mod = m[1] as string;
      const module = Object.keys(names.pythonModules).find((p) => mod === p || mod.startsWith(`${p}.`));
      if (module) add('python', names.pythonModules[module] as string, text.indexOf(mod));
    }
  }
  // JavaScript: npm install / yarn add (name@version), require, import.
  if ((m = /\b(?:npm\s+(?:install|i|add)|yarn\s+add|pnpm\s+add)\s+(.+)$/.exec(text))) {
    const args = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(args);
    for (const r of args.matchAll(/(?<=^|\s)((?:@[\w.-]+\/)?[\w.-]+)(?:@(\S+))?/g)) if (!/^-/.test(r[1] as string)) add('js', r[1] as string, start + (r.index ?? 0), r[2]);
  }
  if (JSLIKE.test(info)) for (const r of text.matchAll(/(?:\brequire\s*\(\s*|\bfrom\s+|^\s*import\s+)['"]((?:@[\w.-]+\/)?[\w.-]+)['"]/g)) add('js', r[1] as string, (r.index ?? 0) + r[0].indexOf(r[1] as string));
  // package.json dependencies: "azure-storage": "^2.10.3".
  if (info === 'json') for (const r of text.matchAll(/"((?:@[\w.-]+\/)?[\w.-]+)"\s*:\s*"([\^~]?\d[^"]*)"/g)) add('js', r[1] as string, (r.index ?? 0) + 1, r[2]);
  // Java: Maven coordinates (groupId then artifactId), Gradle 'group:artifact:version', imports.
  if (PACKAGE_FILES.test(info) || info === 'xml') {
    if ((m = /<groupId>\s*([\w.-]+)\s*<\/groupId>/.exec(text))) pendingGroup.id = m[1];
    if ((m = /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/.exec(text)) && pendingGroup.id) {
      add('java', `${pendingGroup.id}:${m[1]}`, text.indexOf(m[1] as string));
      pendingGroup.id = undefined;
    }
    for (const r of text.matchAll(/['"]([\w.-]+):([\w.-]+):([\w.-]+)['"]/g)) add('java', `${r[1]}:${r[2]}`, (r.index ?? 0) + 1, r[3]);
  }
  // Go: go get / go install (path@version), import lines (single or in an import block), and
  // go.mod require lines ("require path v1.2.3", or "path v1.2.3" inside a require block).
  if ((m = /\bgo\s+(?:get|install)\s+(.+)$/.exec(text))) {
    const args = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(args);
    for (const r of args.matchAll(GO_GET_ARG)) add('go', r[1] as string, start + (r.index ?? 0), r[2]);
  }
  if (GO.test(info) && (m = GO_IMPORT.exec(text))) add('go', m[1] as string, text.indexOf(m[1] as string));
  if ((m = GO_REQUIRE.exec(text))) add('go', m[1] as string, text.indexOf(m[1] as string), m[2]);
  if (JAVA.test(info) && (m = /^\s*import\s+(?:static\s+)?([\w.]+)/.exec(text))) {
    const imp = m[1] as string;
    const prefix = Object.keys(retiredTools().codeNames.java).find((p) => imp === p || imp.startsWith(`${p}.`));
    if (prefix) add('java', retiredTools().codeNames.java[prefix] as string, text.indexOf(imp));
  }
  return out;
}

// A link to the package's page on its registry (prose "see the .NET SDK" lists, install notes).
const REGISTRY_LINK = /https?:\/\/(?:www\.)?(nuget\.org\/packages|npmjs\.com\/package|pypi\.org\/project)\/((?:@[\w.-]+\/)?[\w.-]+)(?:\/(\d[\w.-]*))?/gi;
// Go packages are linked by their import path on pkg.go.dev (or the older godoc.org), version after "@".
const GO_LINK = /https?:\/\/(pkg\.go\.dev|godoc\.org)\/([\w-]+(?:\.[\w-]+)+\/[\w.~\/-]*[\w-])(?:@(v[\w.+-]+))?/gi;
const REGISTRY_LANGUAGE: Record<string, SdkLanguage> = { 'nuget.org/packages': 'dotnet', 'npmjs.com/package': 'js', 'pypi.org/project': 'python', 'pkg.go.dev': 'go', 'godoc.org': 'go' };

/**
 * The end of support has come by the day the lint runs: an end announced for later (the Azure Machine
 * Learning SDK v1 was announced for 30 June 2026) is not yet a retirement.
 */
const ended = (fact: RetiredFact): boolean => !fact.eol || fact.eol <= new Date().toISOString().slice(0, 10);

function message(fact: RetiredFact, ref: Reference, link = false): string {
  const what = ref.legacyClass ? `${ref.legacyClass} is a class of ${fact.name} ${fact.throughMajor !== undefined ? `${fact.throughMajor}.x and earlier` : ''}`.trim() : `${fact.name}${ref.version ? ` ${ref.version}` : ''}`;
  const when = fact.eol ? `reached end of support on ${fact.eol}` : fact.replacedIn ? `was replaced in ${fact.replacedIn}` : 'is deprecated';
  const instead = fact.replacement ? `Use ${fact.replacement}${fact.guide ? ` (migration guide: ${fact.guide})` : ''}.` : fact.guide ? `Migrate as ${fact.guide} says.` : 'Use its current Azure SDK successor.';
  return `${what}: ${fact.throughMajor !== undefined && !ref.legacyClass ? `that line of ${fact.name} ` : 'this library '}${when} (${fact.source}) and gets no security fixes; ${link ? 'readers who follow the link install' : 'readers copying this code start on'} a retired SDK. ${instead}`;
}

export const retiredSdkPackage: Rule = {
  id: 'retired-sdk-package',
  name: 'RetiredSdkPackage',
  severity: 'warning',
  shortDescription: 'A code block installs, references or imports an Azure client library that Microsoft has retired (legacy Storage and Key Vault SDKs, ADAL, azure-common credentials, Go track-1 packages…).',
  fullDescription:
    'The Azure SDK release inventory (Azure/azure-sdk, _data/releases/latest/<language>-packages.csv) marks each retired package "deprecated" with its end-of-support date and replacement: WindowsAzure.Storage and Microsoft.Azure.Storage.* (.NET), Microsoft.Azure.KeyVault, npm azure-storage and azure-keyvault, Python azure-storage-blob 2.x and azure-common, Java com.microsoft.azure:azure-storage — most ended on 31 March 2023; for Go, the track-1 packages github.com/Azure/azure-sdk-for-go/services/… (30 September 2023) and github.com/Azure/azure-storage-blob-go (13 September 2024), keyed by import path and read from go get, import lines, go.mod require lines and pkg.go.dev links. The Go Key Vault modules under sdk/keyvault moved to sdk/security/keyvault in 0.13.0 (Azure/azure-sdk-for-go sdk/security/keyvault/azsecrets/CHANGELOG.md; sdk/keyvault/azkeys/go.mod "// Deprecated: use …/sdk/security/keyvault/azkeys instead"; reader report MicrosoftDocs/azure-docs#122893). ADAL ended on 30 June 2023 (MicrosoftDocs/azure-docs msal-migration.md) and Python azure-keyvault 1.x (KeyVaultClient) was replaced in 4.0.0. The Azure Machine Learning SDK v1 for Python (azureml-core, azureml-sdk; from azureml.core import …) is deprecated since 31 March 2025 and its support ended on 30 June 2026 ("Support for it will end on June 30, 2026", MicrosoftDocs/azure-ai-docs articles/machine-learning/includes/sdk-v1-deprecation.md): its successor is azure-ai-ml (SDK v2). An end of support dated after the day the lint runs is not reported. Code written against them still installs but gets no fixes, and their authentication (account keys, ADAL tokens) is what current guidance replaces with Microsoft Entra ID through Azure.Identity. A package whose name also has a supported line (Python azure-storage-blob 12, @azure/cosmos 4) is reported only when the version written, or a class only the old line has (BlockBlobService), says it is the retired one. Data: src/reference/retired-packages.json (generated) and retired-tools.json (sources per entry). One exception is kept: WindowsAzure.ServiceBus is the only library of Azure WCF Relay and stays supported with it (Azure updates, "Some Azure Service Bus SDK libraries will be retired on 30 September 2026": "Azure WCF Relay still uses this library, and support of this library in combination with this service will continue until further notice"), so a page that uses a WCF relay binding (NetTcpRelayBinding, TransportClientEndpointBehavior…) and no Service Bus messaging or Event Hubs type is not told to move to Azure.Messaging.ServiceBus, which has no relay.',
  help: 'Rewrite the code for the replacement the finding names (Azure.Storage.Blobs, azure-storage-blob 12, @azure/storage-blob, Azure.Security.KeyVault.Secrets, MSAL or Azure.Identity), following its migration guide.',
  check(doc) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    // WindowsAzure.ServiceBus stays supported with WCF Relay (src/lint/wcf-relay.ts): not retired on such a page.
    const relayOnly = wcfRelayOnly(doc);
    const supported = (fact: RetiredFact): boolean => relayOnly && fact.language === 'dotnet' && fact.name.toLowerCase() === WCF_RELAY_PACKAGE;
    for (const fence of codeFences(doc)) {
      const pending: { id?: string } = {};
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        for (const ref of referencesOn(doc.line(n), fence.info, pending)) {
          const fact = retiredPackage(ref.language, ref.name);
          if (!fact || !ended(fact) || supported(fact) || !(ref.legacyClass || versionRetired(fact, ref.version))) continue;
          const key = `${n}:${fact.language}:${fact.name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          hits.push({ line: n, column: ref.index + 1, message: message(fact, ref) });
        }
      }
    }
    const fences = codeFences(doc);
    for (let n = 1; n <= doc.lineCount; n++) {
      // Inline code in prose ("run `pip install azure-storage-blob==2.1.0`"): install commands only.
      if (doc.isProse(n) && !fenceAt(fences, n))
        for (const span of doc.line(n).matchAll(/`([^`]+)`/g)) {
          for (const ref of referencesOn(span[1] as string, 'inline', {})) {
            const fact = retiredPackage(ref.language, ref.name);
            if (!fact || !ended(fact) || supported(fact) || !versionRetired(fact, ref.version) || seen.has(`${n}:${fact.language}:${fact.name}`)) continue;
            seen.add(`${n}:${fact.language}:${fact.name}`);
            hits.push({ line: n, column: (span.index ?? 0) + 2 + ref.index, message: message(fact, ref) });
          }
        }
      for (const m of [...doc.line(n).matchAll(REGISTRY_LINK), ...doc.line(n).matchAll(GO_LINK)]) {
        const ref: Reference = { language: REGISTRY_LANGUAGE[(m[1] as string).toLowerCase()] as SdkLanguage, name: m[2] as string, index: (m.index ?? 0) + m[0].indexOf(m[2] as string), ...(m[3] ? { version: m[3] } : {}) };
        const fact = retiredPackage(ref.language, ref.name);
        if (!fact || !ended(fact) || supported(fact) || !versionRetired(fact, ref.version) || seen.has(`${n}:${fact.language}:${fact.name}`)) continue;
        seen.add(`${n}:${fact.language}:${fact.name}`);
        hits.push({ line: n, column: ref.index + 1, message: `the page links to ${message(fact, ref, true)}` });
      }
    }
    return hits;
  },
};
