// Volatile by meaning: what a value is decides whether it compares by shape, not only its key.
import { describe, expect, it } from 'vitest';
import { classifyValue } from '../../src/check/volatility.ts';

describe('classifyValue', () => {
  it('per-machine metadata, tags, GUIDs, addresses are the reader\'s own; times, tokens and ETags change per call', () => {
    expect(classifyValue(['compute', 'vmId'], 'whatever')).toBe('instance');
    expect(classifyValue(['network', 'interface', 0, 'macAddress'], '000D3AF806EC')).toBe('instance');
    expect(classifyValue(['tags', 'CostCenter'], '00123')).toBe('instance');
    expect(classifyValue(['properties', 'someGuid'], '6e9b2f1a-3c4d-4e5f-8a9b-0c1d2e3f4a5b')).toBe('instance');
    expect(classifyValue(['frontend'], '10.0.0.4')).toBe('instance');
    expect(classifyValue(['seen'], '2024-05-01T10:00:00Z')).toBe('volatile');
    expect(classifyValue(['t'], 'eyJhbGciOi.eyJzdWIiOi.sig')).toBe('volatile');
    expect(classifyValue(['tag'], '"0x8DC1F2A3B4C5D6E"')).toBe('volatile');
  });

  it('a literal the page asks the reader to create still compares exactly', () => {
    expect(classifyValue(['properties', 'displayText'], 'Hello world')).toBe('constant');
    expect(classifyValue(['kind'], 'StorageV2')).toBe('constant');
    expect(classifyValue(['count'], 3)).toBe('constant');
  });
});
