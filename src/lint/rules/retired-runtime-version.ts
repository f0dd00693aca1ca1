// A page pins a language runtime or an Azure Functions host version whose support has ended (or a
// .NET version that was never released): in a workflow's `node-version: '14.x'`, an App Service stack
// string `PYTHON|3.7`, `az … --runtime node --runtime-version 14`, FUNCTIONS_EXTENSION_VERSION=~3, or
// prose that tells the reader to install "Core Tools version 3.x"; in Azure PowerShell, New-AzFunctionApp -Runtime Node
// -RuntimeVersion 14 / -FunctionsVersion 3 and Set-AzWebApp -NetFrameworkVersion v6.0; on AKS, az aks … --kubernetes-version
// 1.15.7 (Az.Aks is not in the cmdlet table, so New-AzAksCluster -KubernetesVersion is not read). Dates come from
// src/reference/runtime-lifecycle.json, which names its sources.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { eachCmdlet, psLiteral, psParameter, type PsCommandAt } from '../powershell-commands.ts';
import { lifecycleAsOf, runtimeStatus, type RuntimeId } from '../../reference/runtime-lifecycle.ts';

interface Pattern {
  runtime: RuntimeId;
  re: RegExp; // group 1: the version as written
}

const PATTERNS: readonly Pattern[] = [
  // GitHub Actions inputs and workflow env, App Service settings (YAML, JSON, KEY=value).
  { runtime: 'node', re: /\b(?:node[-_]?version|WEBSITE_NODE_DEFAULT_VERSION)["']?\s*[:=]\s*["']?(~?v?\d+(?:\.(?:x|\d+))*)(?![\w.])/gi },
  { runtime: 'python', re: /\bpython[-_]?version["']?\s*[:=]\s*["']?(\d\.\d+(?:\.(?:x|\d+))?)(?![\w.])/gi },
  { runtime: 'dotnet', re: /\bdotnet[-_]?version["']?\s*[:=]\s*["']?(\d+\.\d+(?:\.(?:x|\d+))?)(?![\w.])/gi },
  // App Service / Functions stack strings: linuxFxVersion="PYTHON|3.7", --runtime "NODE|14-lts".
  { runtime: 'node', re: /\bNODE\|(\d+(?:\.\d+)*)/gi },
  { runtime: 'python', re: /\bPYTHON\|(\d\.\d+)/gi },
  { runtime: 'dotnet', re: /\bDOTNET(?:CORE|-ISOLATED)?\|(\d+\.\d+)/gi },
  // Functions on Linux: linuxFxVersion "DOTNET-ISOLATED|7.0" (above), "POWERSHELL|7.2".
  { runtime: 'powershell', re: /\bPOWERSHELL\|(\d+\.\d+)/gi },
  { runtime: 'functions', re: /\bFUNCTIONS_EXTENSION_VERSION["']?\s*[:=]\s*["']?(~\d+)/gi },
  // "Azure Functions Core Tools version 3.x", "the Core Tools are version 3.x", "Functions runtime version 2.x".
  // Core Tools installs pinned to a major (npm azure-functions-core-tools@3, choco/apt/brew
  // azure-functions-core-tools-3 / @3): Core Tools N.x runs the Functions runtime N.x.
  { runtime: 'functions', re: /\bazure-functions-core-tools[@-](\d)(?![\w.])/gi },
  { runtime: 'functions', re: /\b(?:Functions(?: Core Tools| runtime| host)?|Core Tools)\]?(?:\([^)\s]*\))?(?: are| is)?,? (?:version |v)(\d\.x)\b/gi },
];

// A sentence that already says the version is over is right, not stale.
const ALREADY_SAYS = /end of (?:life|support|extended support)|\bEOL\b|retired|no longer supported|deprecated|reached the end|isn't supported|not supported|unsupported|migrat/i;

const AZ_RUNTIMES: Readonly<Record<string, RuntimeId>> = { node: 'node', python: 'python', dotnet: 'dotnet', 'dotnet-isolated': 'dotnet', powershell: 'powershell' };

// App Service stack strings as az webapp create / up --runtime takes them today, "NODE:18-lts", "PYTHON:3.12",
// "DOTNETCORE:8.0", "dotnet:8" (az webapp list-runtimes prints this form; the older "NODE|18-lts" is matched
// on any line by PATTERNS). Read only inside az's stack options, where the colon cannot be a Docker tag.
const STACKS: Readonly<Record<string, RuntimeId>> = { node: 'node', python: 'python', dotnetcore: 'dotnet', dotnet: 'dotnet', 'dotnet-isolated': 'dotnet', powershell: 'powershell' };
const STACK_OPTIONS = ['--runtime', '-r', '--linux-fx-version', '--windows-fx-version'];

/** The engine version a managed database server or cache is created (or upgraded) with, and its lifecycle. */
const ENGINE_OPTIONS: readonly { path: string; options: string[]; runtime: RuntimeId }[] = [
  { path: 'postgres flexible-server create', options: ['--version'], runtime: 'postgresql' },
  { path: 'postgres flexible-server upgrade', options: ['--version', '-v'], runtime: 'postgresql' },
  { path: 'mysql flexible-server create', options: ['--version'], runtime: 'mysql' },
  { path: 'mysql flexible-server upgrade', options: ['--version', '-v'], runtime: 'mysql' },
  { path: 'redis create', options: ['--redis-version'], runtime: 'redis' },
];

export const retiredRuntimeVersion: Rule = {
  id: 'retired-runtime-version',
  name: 'RetiredRuntimeVersion',
  severity: 'warning',
  shortDescription: 'The page pins a runtime version whose support has ended (Node.js 14, Python 3.7, .NET Core 3.1, PowerShell 7.2, Azure Functions 3.x, Kubernetes 1.15 on AKS, PostgreSQL 11 or MySQL 5.7 on a flexible server, Redis 4 on Azure Cache for Redis) or that does not exist.',
  fullDescription:
    'Language runtimes and the Azure Functions host have published end-of-support dates (nodejs/Release schedule.json, python/devguide release-cycle.json, dotnet/core releases-index.json, Learn "Azure Functions runtime versions overview": versions 2.x and 3.x ended on 13 December 2022). A tutorial that pins such a version sets its readers up on a runtime without security fixes: setup actions and App Service stacks drop them, az functionapp create rejects --functions-version 3, and new apps cannot be created on them. PowerShell (az functionapp create --runtime powershell --runtime-version 7.0, linuxFxVersion POWERSHELL|7.2, New-AzFunctionApp -Runtime PowerShell -RuntimeVersion 7.2) is judged against MicrosoftDocs/PowerShell-Docs PowerShell-Support-Lifecycle.md (7.0 ended 3 December 2022, 7.2 on 8 November 2024; a reader reported a --runtime-version the Arc quickstart pinned and Functions no longer offered: MicrosoftDocs/azure-docs#105025). App Service stack strings are read in both forms az has used: NODE|14-lts, PYTHON|3.7, DOTNET-ISOLATED|7.0 anywhere, and the colon form az webapp list-runtimes prints today (az webapp create / up --runtime "NODE:16-lts", PYTHON:3.9, DOTNETCORE:3.1, --linux-fx-version) inside az\'s stack options only, where a colon is no Docker tag; az webapp/functionapp create and config set --net-framework-version v6.0 as Set-AzWebApp -NetFrameworkVersion (readers reported "NODE|12-lts" as not valid on the Arc web app quickstart: MicrosoftDocs/azure-docs#95163, and python|3.4 on the 2017 Python quickstart: #6092). Azure PowerShell is judged the same way: New-AzFunctionApp -Runtime Node -RuntimeVersion 14 and -FunctionsVersion 3, Set-AzWebApp -NetFrameworkVersion v6.0 (.NET 5 and later; the parameters as the Az.Functions and Az.Websites help of Azure/azure-powershell declare them). Core Tools installs pinned to a major (npm install -g azure-functions-core-tools@3, apt-get install azure-functions-core-tools-2) are judged as that Functions version, since Core Tools N.x runs runtime N.x. A .NET version that was never released (3.3) is not installable at all. Kubernetes versions on AKS (az aks create / nodepool add / upgrade --kubernetes-version) are judged against the AKS Kubernetes release calendar (MicrosoftDocs/azure-aks-docs articles/aks/supported-kubernetes-versions.md: End of life, LTS End of life for the LTS minors; a minor older than the calendar\'s oldest row went out of support before it): AKS does not create clusters with them, and az stops with "Version 1.16.7 is not supported in this region" (a reader reported it: MicrosoftDocs/azure-docs#56752). The engines of managed databases and caches are judged where a page creates or upgrades a server: az postgres flexible-server create/upgrade --version against the \"Retirement date (Azure)\" of Learn \"Azure Database for PostgreSQL flexible server versioning policy\" (MicrosoftDocs/azure-databases-docs; \"You won\'t be able to create new database servers for the retired version\"), az mysql flexible-server create/upgrade --version against the \"Azure Standard Support End Date\" of the MySQL version support policy (after it a server is enrolled in billed Extended Support), az redis create --redis-version against \"Redis version 4 retirement\" (retired 30 June 2023; all new caches are version 6). Dates are judged against the data file\'s asOf day, not the clock (src/reference/runtime-lifecycle.json).',
  help: 'Pin a supported version (Node.js 22, Python 3.12, .NET 8 or later, Azure Functions 4.x; PostgreSQL 17, MySQL 8.4, Redis 6 for the managed services) and update the steps that depend on it.',
  check(doc) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    const report = (line: number, column: number, runtime: RuntimeId, written: string, stepId?: string): void => {
      const status = runtimeStatus(runtime, written);
      if (status.kind === 'current' || seen.has(`${line}:${column}`)) return;
      seen.add(`${line}:${column}`);
      const ended = (s: Extract<typeof status, { kind: 'ended' }>): string =>
        s.before ? `went out of support before ${s.before}, whose standard support ended at the end of ${s.date}` : `reached end of support ${s.date.length === 7 ? `at the end of ${s.date}` : `on ${s.date}`}`;
      const message =
        status.kind === 'ended' && status.consequence
          ? `${status.name} ${status.version} ("${written}") ${ended(status)} (${status.source}; as of ${lifecycleAsOf()}): ${status.consequence}. Pin a version the service still supports.`
          : status.kind === 'ended' && runtime === 'kubernetes'
          ? `Kubernetes ${status.version} ("${written}") ${ended(status)} on AKS (${status.source}; as of ${lifecycleAsOf()}): AKS no longer creates clusters or node pools with it, az stops with "Version ${written} is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region" (readers reported it: MicrosoftDocs/azure-docs#56752). Leave --kubernetes-version out (AKS picks its default) or pin a version az aks get-versions lists.`
          : status.kind === 'ended'
          ? `${status.name} ${status.version}${runtime === 'functions' ? '.x' : ''} ("${written}") ${ended(status)} (${status.source}; as of ${lifecycleAsOf()}): readers get a runtime without security fixes that Azure and the setup tools are dropping. Pin a supported version.`
          : `${status.name} ${status.version} ("${written}") was never released (${status.source} lists ${status.known.join(', ')}): nothing installs it. Pin a released, supported version.`;
      hits.push({ line, column, message, ...(stepId ? { stepId } : {}) });
    };
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      if (ALREADY_SAYS.test(text)) continue;
      for (const p of PATTERNS) {
        for (const m of text.matchAll(p.re)) {
          const version = m[1] as string;
          report(n, (m.index ?? 0) + m[0].lastIndexOf(version) + 1, p.runtime, version);
        }
      }
    }
    for (const { command, az } of eachAz(doc)) {
      const runtime = AZ_RUNTIMES[(azOption(az, '--runtime')?.value?.value ?? '').toLowerCase()];
      const version = azOption(az, '--runtime-version')?.value;
      if (!runtime || !version || ALREADY_SAYS.test(doc.line(version.line))) continue;
      report(version.line, version.column, runtime, version.value, command.step.id);
    }
    // az webapp create / up --runtime "NODE:16-lts", az webapp config set --linux-fx-version "PYTHON:3.8".
    for (const { command, az } of eachAz(doc)) {
      if (az.path[0] !== 'webapp' && az.path[0] !== 'functionapp') continue;
      const value = azOption(az, ...STACK_OPTIONS)?.value;
      const m = value ? /^([A-Za-z-]+):(\d[\w.-]*)$/.exec(value.value) : null;
      const runtime = m ? STACKS[(m[1] as string).toLowerCase()] : undefined;
      if (!value || !m || !runtime || ALREADY_SAYS.test(doc.line(value.line))) continue;
      report(value.line, value.column, runtime, m[2] as string, command.step.id);
    }
    // az webapp / functionapp create or config set --net-framework-version v6.0, as Set-AzWebApp -NetFrameworkVersion below.
    for (const { command, az } of eachAz(doc)) {
      if (az.path[0] !== 'webapp' && az.path[0] !== 'functionapp') continue;
      const v = azOption(az, '--net-framework-version')?.value;
      if (v && Number(/^v?(\d+)\.\d+$/i.exec(v.value)?.[1] ?? 0) >= 5 && !ALREADY_SAYS.test(doc.line(v.line))) report(v.line, v.column, 'dotnet', v.value, command.step.id);
    }
    // AKS: the Kubernetes version a cluster or node pool is created or upgraded to (az aks create -k, nodepool add, upgrade).
    for (const { command, az } of eachAz(doc)) {
      if (az.path[0] !== 'aks') continue;
      const version = azOption(az, '--kubernetes-version', '-k')?.value;
      if (!version || !/^\d+\.\d+(?:\.\d+)?$/.test(version.value) || ALREADY_SAYS.test(doc.line(version.line))) continue;
      report(version.line, version.column, 'kubernetes', version.value, command.step.id);
    }
    // Managed databases and caches: az postgres|mysql flexible-server create/upgrade --version, az redis create --redis-version.
    for (const { command, az } of eachAz(doc)) {
      const path = az.path.join(' ');
      const engine = ENGINE_OPTIONS.find((e) => e.path === path);
      const version = engine ? azOption(az, ...engine.options)?.value : undefined;
      if (!engine || !version || !/^\d+(?:\.\d+){0,2}$/.test(version.value) || ALREADY_SAYS.test(doc.line(version.line))) continue;
      report(version.line, version.column, engine.runtime, version.value, command.step.id);
    }
    // Azure PowerShell: the same versions through New-AzFunctionApp's and Set-AzWebApp's parameters (Az.Functions,
    // Az.Websites help; src/reference/powershell-cmdlets.json binds abbreviations and aliases as PowerShell does).
    const psValue = (c: PsCommandAt, name: string): { text: string; line: number; column: number } | undefined => {
      const b = psParameter(c, name);
      // A version written as a number (`-RuntimeVersion 14`) reaches the [string] parameter as its digits.
      const text = b?.value ? (b.value.kind === 'number' ? b.value.text : psLiteral(b.value)) : undefined;
      return text !== undefined && b?.valueWhere ? { text, ...b.valueWhere } : undefined;
    };
    for (const c of eachCmdlet(doc, 'New-AzFunctionApp')) {
      const runtime = AZ_RUNTIMES[(psValue(c, 'Runtime')?.text ?? '').toLowerCase()];
      const version = psValue(c, 'RuntimeVersion');
      if (runtime && version && !ALREADY_SAYS.test(doc.line(version.line))) report(version.line, version.column, runtime, version.text, c.step.id);
      const host = psValue(c, 'FunctionsVersion');
      if (host && /^~?\d+(?:\.\d+)?$/.test(host.text) && !ALREADY_SAYS.test(doc.line(host.line))) report(host.line, host.column, 'functions', host.text, c.step.id);
    }
    for (const c of eachCmdlet(doc, 'Set-AzWebApp')) {
      // netFrameworkVersion v5.0 and later is .NET (Core); v4.x is the .NET Framework, whose lifecycle is not this data's.
      const v = psValue(c, 'NetFrameworkVersion');
      if (v && Number(/^v?(\d+)\.\d+$/i.exec(v.text)?.[1] ?? 0) >= 5 && !ALREADY_SAYS.test(doc.line(v.line))) report(v.line, v.column, 'dotnet', v.text, c.step.id);
    }
    return hits.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  },
};
