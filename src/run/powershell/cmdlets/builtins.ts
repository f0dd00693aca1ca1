// The PowerShell built-ins pages put around Az cmdlets, as PowerShell defines them: Write-Host
// writes its objects, space-separated, to the console (not the pipeline); Write-Output writes them to
// the pipeline; ConvertTo-SecureString -AsPlainText makes the SecureString -SecretValue binds;
// Out-Null drops its input; Select-Object -ExpandProperty outputs a property of each input object.
import { result, type PsCmdletModule, type PsResult } from '../cmdlet.ts';
import { stringForm } from '../expand.ts';
import { memberOf, PsSecureString, psString, type PsData } from '../values.ts';

const list = (v: PsData | undefined): PsData[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const writeHost: PsCmdletModule = {
  name: 'Write-Host',
  parameters: [
    { name: 'Object', aliases: ['Msg', 'Message'], position: 0 },
    { name: 'NoNewline', switch: true },
    { name: 'ForegroundColor' },
    { name: 'BackgroundColor' },
    { name: 'Separator' },
  ],
  async run(inv): Promise<PsResult> {
    const separator = inv.args.has('Separator') ? psString(inv.args.get('Separator') ?? null) : ' ';
    const parts: string[] = [];
    for (const o of list(inv.args.get('Object'))) {
      const text = stringForm(o);
      if ('unsupported' in text) return result([], [], text);
      parts.push(text.value);
    }
    return result([], [], { host: `${parts.join(separator)}${inv.switches.has('NoNewline') ? '' : '\n'}` });
  },
};

export const writeOutput: PsCmdletModule = {
  name: 'Write-Output',
  parameters: [{ name: 'InputObject', position: 0 }, { name: 'NoEnumerate', switch: true }],
  async run(inv): Promise<PsResult> {
    return result(list(inv.args.get('InputObject')));
  },
};

export const convertToSecureString: PsCmdletModule = {
  name: 'ConvertTo-SecureString',
  parameters: [{ name: 'String', position: 0 }, { name: 'AsPlainText', switch: true }, { name: 'Force', switch: true }],
  async run(inv): Promise<PsResult> {
    const value = inv.args.get('String');
    if (value === undefined || value === null) return result([], [], { unsupported: 'ConvertTo-SecureString without -String reads pipeline input' });
    // Without -AsPlainText the string must be an encrypted standard string (DPAPI): not what pages pass.
    if (!inv.switches.has('AsPlainText')) return result([], [], { unsupported: 'ConvertTo-SecureString without -AsPlainText decrypts a standard string' });
    // PowerShell 7 no longer requires -Force with -AsPlainText (Windows PowerShell 5.1 does).
    return result([new PsSecureString(psString(value))]);
  },
};

export const outNull: PsCmdletModule = {
  name: 'Out-Null',
  parameters: [{ name: 'InputObject' }],
  async run(): Promise<PsResult> {
    return result([]);
  },
};

export const selectObject: PsCmdletModule = {
  name: 'Select-Object',
  // Select-Object's parameters as its reference lists them (Microsoft.PowerShell.Utility, PowerShell 7.4:
  // -Property is positional, so `Select-Object ResourceGroupName, Location` binds the list to it); only
  // -ExpandProperty is modelled, the others are bound and said unsupported, never refused.
  parameters: [
    { name: 'Property', position: 0 },
    { name: 'ExpandProperty' },
    { name: 'ExcludeProperty' },
    { name: 'InputObject' },
    { name: 'First' },
    { name: 'Last' },
    { name: 'Skip' },
    { name: 'SkipLast' },
    { name: 'Index' },
    { name: 'SkipIndex' },
    { name: 'Unique', switch: true },
    { name: 'CaseInsensitive', switch: true },
    { name: 'Wait', switch: true },
  ],
  async run(inv): Promise<PsResult> {
    const name = inv.args.get('ExpandProperty');
    if (name === undefined || name === null) return result([], [], { unsupported: `Select-Object without -ExpandProperty${inv.args.has('Property') ? ' (-Property makes objects of the listed properties, which this tool does not model)' : ''}` });
    const out: PsData[] = [];
    for (const o of list(inv.args.get('InputObject'))) {
      const v = memberOf(o, psString(name));
      if (v === undefined) return result([], [], { unsupported: `Select-Object -ExpandProperty ${psString(name)}: that property is not modelled here` });
      if (v === null) return result([], [], { error: `Property "${psString(name)}" cannot be found.` });
      out.push(...list(v));
    }
    return result(out);
  },
};
