// An image reference to Ubuntu 20.04 or later in Canonical's "UbuntuServer" offer, which never published them:
// Canonical put Ubuntu 20.04 and later in their own offers (0001-com-ubuntu-server-focal 20_04-lts,
// 0001-com-ubuntu-server-jammy 22_04-lts, ubuntu-24_04-lts server), so "Canonical:UbuntuServer:22.04-LTS" names no
// image: az vm create, a template deployment and a Batch pool find nothing. Readers reported it
// (Azure/azure-cli#13320 "az vm image list --offer UbuntuServer" has no 20.04; MicrosoftDocs/azure-docs#98836 on the
// cloud-init page; MicrosoftDocs/azure-docs#124665, a reader's fix of the Batch Linux nodes page: "could not find
// any image … Offer: Ubuntuserver, SKU: 20.04-LTS, failed to add pool").
// Read as the page writes it: a URN (az --image, New-AzVM -Image, a Batch --image) anywhere in a code block, or an
// image reference whose offer and sku are given as properties, arguments or fields (JSON, Bicep, Terraform, C#,
// Python, Set-AzVMSourceImage -Offer/-Skus) within the same few lines.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceLines } from '../fences.ts';

/** The offers Canonical publishes each newer LTS in (the az alias document's Ubuntu2204 is the jammy one). */
const OFFERS: Readonly<Record<string, string>> = {
  '20': 'Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2',
  '22': 'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2',
  '24': 'Canonical:ubuntu-24_04-lts:server',
};

/** A URN in the UbuntuServer offer with a 20.04-or-later SKU ("canonical:ubuntuserver:22.04-LTS:latest"). */
const URN = /\bCanonical:UbuntuServer:((2\d)[._]04[^\s:"'`,;)]*)/gi;
/** An offer given as a property, argument or field: "offer": "UbuntuServer", offer = "UbuntuServer", -Offer UbuntuServer. */
const OFFER = /\boffer["']?\s*(?:[:=]\s*|\s+)["']?UbuntuServer["']?(?![\w-])/i;
/** Any offer (another image reference begins there). */
const ANY_OFFER = /\boffer["']?\s*(?:[:=]|\s+["'-]?\w)/i;
/** The sku beside it: "sku": "22.04-LTS", Sku = "22.04-LTS", -Skus 22.04-LTS. */
const SKU = /\bskus?["']?\s*(?:[:=]\s*|\s+)["']?((2\d)[._]04[^\s"',;)]*)["']?/i;
/** How far apart the offer and sku of one image reference may be written. */
const NEAR = 4;

function message(sku: string, major: string): string {
  const instead = OFFERS[major];
  return `Canonical's UbuntuServer offer has no SKU ${sku}: it ends at 18.04, and Ubuntu ${major}.04 is published in its own offer, so az, ARM and Batch find no image (readers reported it: Azure/azure-cli#13320, MicrosoftDocs/azure-docs#98836, #124665).${instead ? ` Use ${instead} (az vm image list --publisher Canonical --offer 0001-com-ubuntu-server --all lists them).` : ''}`;
}

export const vmImageUbuntuOffer: Rule = {
  id: 'vm-image-ubuntu-offer',
  name: 'VmImageUbuntuOffer',
  severity: 'warning',
  shortDescription: 'An image reference asks Canonical\'s UbuntuServer offer for Ubuntu 20.04 or later (Canonical:UbuntuServer:22.04-LTS), which that offer never published.',
  fullDescription:
    'Canonical\'s "UbuntuServer" offer holds Ubuntu up to 18.04; Ubuntu 20.04 and later are published in their own offers (0001-com-ubuntu-server-focal with SKU 20_04-lts, 0001-com-ubuntu-server-jammy with 22_04-lts and 22_04-lts-gen2, ubuntu-24_04-lts with server), as the az image alias document (Azure/azure-rest-api-specs arm-compute/quickstart-templates/aliases.json: Ubuntu2204 is Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2) shows. A URN or an imageReference that asks UbuntuServer for 20.04-LTS or 22.04-LTS names no image: az vm create and a template deployment find none, and a Batch pool fails to allocate. Readers reported it: Azure/azure-cli#13320 (az vm image list --offer UbuntuServer has no 20.04), MicrosoftDocs/azure-docs#98836 (the cloud-init page\'s 20.04-LTS is not listed), MicrosoftDocs/azure-docs#124665 (a reader\'s fix of the Batch Linux nodes page: "could not find any image … Offer: Ubuntuserver, SKU: 20.04-LTS, failed to add pool"). Read in every code block: URNs (az --image, New-AzVM -Image) and offer/sku pairs written as JSON, Bicep, Terraform, C# or Python fields or Set-AzVMSourceImage parameters within four lines of each other. Silent on the UbuntuServer SKUs that existed (16.04-LTS, 18.04-LTS) and on the newer offers.',
  help: 'Use the offer Canonical publishes the release in: Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2 (or the alias Ubuntu2204), Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2, Canonical:ubuntu-24_04-lts:server; for Batch, one that az batch pool supported-images list shows.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      const lines = fenceLines(doc, fence);
      const seen = new Set<number>();
      lines.forEach(({ line, text }, i) => {
        for (const m of text.matchAll(URN)) {
          seen.add(line);
          hits.push({ line, column: (m.index ?? 0) + 1, message: message(m[1] as string, m[2] as string) });
        }
        if (!OFFER.test(text)) return;
        // the sku of the same reference: on this line or a few lines around it, never past another reference's offer
        for (const step of [1, -1]) {
          for (let j = step === 1 ? i : i - 1; Math.abs(j - i) <= NEAR && j >= 0 && j < lines.length; j += step) {
            const at = lines[j]!;
            if (j !== i && ANY_OFFER.test(at.text)) break;
            const s = SKU.exec(at.text);
            if (!s || seen.has(at.line)) continue;
            seen.add(at.line);
            hits.push({ line: at.line, column: at.text.indexOf(s[1] as string) + 1, message: message(s[1] as string, s[2] as string) });
          }
        }
      });
    }
    return hits;
  },
};
