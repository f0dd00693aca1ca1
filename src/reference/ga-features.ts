// Features that pages still call preview although Azure made them generally available, from
// ga-features.json (each entry names its sources). Read once; judged against the file, never the clock.
import { readFileSync } from 'node:fs';

export interface GaSource {
  repo?: string;
  path?: string;
  commit?: string;
  url?: string;
  says: string;
}

export interface GaFeature {
  id: string;
  feature: string;
  /** How a page names the feature (matched without case). */
  names: RegExp[];
  /** What must be in the sentence or the page's title for a name to mean this feature. */
  context?: RegExp;
  /** A sentence about a part of the feature that is still in preview. */
  unless?: RegExp;
  ga: string;
  sources: GaSource[];
}

interface RawFeature extends Omit<GaFeature, 'names' | 'context' | 'unless'> {
  names: string[];
  context?: string;
  unless?: string;
}

let features: GaFeature[] | undefined;

export function gaFeatures(): readonly GaFeature[] {
  features ??= (JSON.parse(readFileSync(new URL('./ga-features.json', import.meta.url), 'utf8')) as { features: RawFeature[] }).features.map(
    ({ names, context, unless, ...rest }): GaFeature => ({
      ...rest,
      names: names.map((n) => new RegExp(n, 'i')),
      ...(context ? { context: new RegExp(context, 'i') } : {}),
      ...(unless ? { unless: new RegExp(unless, 'i') } : {}),
    }),
  );
  return features;
}

/** A source as a reader can follow it: "repo path @commit" or the address. */
export function gaSourceText(s: GaSource): string {
  return s.url ?? `${s.repo ?? ''} ${s.path ?? ''}${s.commit ? ` @${s.commit.slice(0, 12)}` : ''}`.trim();
}
