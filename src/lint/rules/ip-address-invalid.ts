// `Connect-ServiceFabricCluster -ConnectionEndpoint 192.13.123.2345:19000` (MicrosoftDocs/azure-docs#60054):
// an example address with a part above 255 is no IPv4 address, so the program takes it for a host name.
// Only where the text is an address by its form (host:port, a CIDR prefix, a URL's host) or by the option
// that takes it (…ip…, …address…, …endpoint…): four-part version numbers (10.0.17763.2237) are not.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import { blockLanguage } from '../../parse/language.ts';

const QUAD = /(?<![\w.])(\d{1,4})\.(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?![\w.])/g;
// what marks the four numbers as an address
const AS_HOST_PORT = /^:\d{1,5}\b/;
const AS_CIDR = /^\/\d{1,2}\b/;
const AS_URL_HOST = /:\/\/$/;
const ADDRESS_OPTION = /(?:^|[\s"'])-{1,2}[A-Za-z-]*(?:ip|address|endpoint|prefix|dns-?server)[A-Za-z-]*[\s=:]+["']?$/i;
// blocks a reader runs, or types values into; output and data blocks are what a program printed
const COMMAND_LANGUAGES = new Set(['shell', 'powershell', 'cmd']);

export const ipAddressInvalid: Rule = {
  id: 'ip-address-invalid',
  name: 'IpAddressInvalid',
  severity: 'warning',
  shortDescription: 'A command gives an IPv4 address with a part above 255 (192.13.123.2345:19000), which is no address.',
  fullDescription:
    'An IPv4 address is four numbers from 0 to 255 (RFC 791 §3.2; the dotted-decimal form every resolver parses, RFC 6943 §3.1.1). "192.13.123.2345" is not one: the program passes it to name resolution as a host name, which fails ("No such host is known"), and a reader who adapts the example from it has no valid pattern to follow. A reader reported it on the Service Fabric standalone cluster page: "Connect-ServiceFabricCluster -ConnectionEndpoint 192.13.123.2345:19000 — doesn\'t look like a correct IP" (MicrosoftDocs/azure-docs#60054). The rule reads the blocks a reader runs (bash, PowerShell, cmd) and only four numbers that stand as an address: followed by a port (:19000) or a prefix length (/24), after a URL scheme, or as the value of an option named for an address (--ip-address, -IpAddress, -ConnectionEndpoint, --address-prefixes, --dns-servers). Four-part version numbers (10.0.17763.2237, 6.4.617.9590) stand alone and are not read.',
  help: 'Write an address whose four parts are each 0-255 (for documentation, 192.0.2.x from the range RFC 5737 reserves for examples), or a placeholder such as <IP-ADDRESS>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (!COMMAND_LANGUAGES.has(blockLanguage(fence.info))) continue;
      for (let n = fence.open + 1; n < fence.close; n++) {
        const text = doc.line(n);
        for (const m of text.matchAll(QUAD)) {
          const parts = m.slice(1, 5).map(Number);
          if (parts.every((p) => p <= 255)) continue;
          const at = m.index ?? 0;
          const before = text.slice(0, at);
          const after = text.slice(at + m[0].length);
          if (!AS_HOST_PORT.test(after) && !AS_CIDR.test(after) && !AS_URL_HOST.test(before) && !ADDRESS_OPTION.test(before)) continue;
          const bad = parts.filter((p) => p > 255);
          hits.push({
            line: n,
            column: at + 1,
            message: `${m[0]} is no IPv4 address: ${bad.join(' and ')} ${bad.length === 1 ? 'is' : 'are'} above 255, the largest value of a part, so the program takes "${m[0]}" for a host name and fails to resolve it. Write an address whose parts are 0-255 (for an example, 192.0.2.x, reserved for documentation by RFC 5737) or a placeholder.`,
          });
        }
      }
    }
    return hits;
  },
};
