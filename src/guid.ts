// What a GUID is, once for every stage: the emulator's validation, az's reading of an assignee, the
// example check's comparison by shape, lint's contract and near-GUID rules.

/** A GUID in the 8-4-4-4-12 hexadecimal form, the whole string. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** Every GUID in a text, real or masked with x's as pages write the reader's own (`/subscriptions/xxxxxxxx-xxxx-…`). */
export const GUIDS_IN_TEXT = /\b[0-9a-fx]{8}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{12}\b/gi;

/**
 * A GUID with one group or more masked by x, * or # ("cb8c3971-9adc-488b-xxxx-43cbb4974ff5",
 * "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"): a redaction in an example, not an id.
 */
export function isMaskedGuid(v: string): boolean {
  const groups = /^([\da-fA-FxX*#]{8})-([\da-fA-FxX*#]{4})-([\da-fA-FxX*#]{4})-([\da-fA-FxX*#]{4})-([\da-fA-FxX*#]{12})$/.exec(v);
  return groups !== null && groups.slice(1).some((g) => /^[xX*#]+$/.test(g));
}
