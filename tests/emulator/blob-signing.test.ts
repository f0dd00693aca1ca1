// The Shared Key string to sign against the storage SDK's own signer, and the version rules the SDK
// does not exercise (Content-Length before 2015-02-21, repeated query names).
import { describe, expect, it } from 'vitest';
import type { CompatResponse, RequestPolicy, WebResourceLike } from '@azure/core-http-compat';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { hmacBase64, sharedKeyStringToSign, verifySharedKey } from '../../src/emulator/services/blob-sharedkey.ts';

const KEY = Buffer.alloc(64, 3).toString('base64');

describe('Shared Key string to sign', () => {
  it('matches the signature the storage SDK computes for the same request', async () => {
    // The SDK signs a Put Block; a capturing client records what would go on the wire.
    let captured: WebResourceLike | undefined;
    const capture: RequestPolicy = {
      async sendRequest(webResource) {
        captured = webResource;
        return { request: webResource, status: 201, headers: webResource.headers.clone() } as CompatResponse;
      },
    };
    const client = new BlobServiceClient('https://acct.blob.core.windows.net', new StorageSharedKeyCredential('acct', KEY), { httpClient: capture, retryOptions: { maxTries: 1 } });
    await client.getContainerClient('c').getBlockBlobClient('dir/a b.txt').stageBlock('QUJD', 'hello', 5).catch(() => undefined);
    expect(captured).toBeDefined();
    const headers: Record<string, string> = {};
    for (const h of captured!.headers.headersArray()) headers[h.name.toLowerCase()] = h.value;
    const url = new URL(captured!.url);
    const result = verifySharedKey(headers.authorization ?? '', 'acct', [Buffer.alloc(64, 9).toString('base64'), KEY], {
      method: captured!.method,
      rawPath: url.pathname,
      rawQuery: url.search.slice(1),
      headers,
    });
    expect(result).toEqual({ ok: true, keyIndex: 1 });
  });

  it('signs Content-Length 0 as empty from 2015-02-21 and as "0" before', () => {
    const base = { method: 'PUT', rawPath: '/c', rawQuery: 'restype=container', headers: { 'content-length': '0' } as Record<string, string> };
    const newer = sharedKeyStringToSign('acct', { ...base, headers: { ...base.headers, 'x-ms-version': '2015-02-21' } });
    const older = sharedKeyStringToSign('acct', { ...base, headers: { ...base.headers, 'x-ms-version': '2014-02-14' } });
    expect(newer.split('\n')[3]).toBe('');
    expect(older.split('\n')[3]).toBe('0');
  });

  it('lower-cases and sorts query names, decodes values, joins repeated names', () => {
    const sts = sharedKeyStringToSign('acct', { method: 'GET', rawPath: '/c', rawQuery: 'restype=container&comp=list&Include=snapshots&include=metadata&prefix=a%2Fb', headers: {} });
    expect(sts.endsWith('/acct/c\ncomp:list\ninclude:metadata,snapshots\nprefix:a/b\nrestype:container')).toBe(true);
  });

  it('a mismatch quotes the string to sign', () => {
    const req = { method: 'GET', rawPath: '/c/b', rawQuery: '', headers: { 'x-ms-version': '2021-12-02' } };
    const sts = sharedKeyStringToSign('acct', req);
    const wrong = hmacBase64(Buffer.alloc(64, 1).toString('base64'), sts);
    const r = verifySharedKey(`SharedKey acct:${wrong}`, 'acct', [KEY, KEY], req);
    expect(r).toEqual({ ok: false, detail: `The MAC signature found in the HTTP request '${wrong}' is not the same as any computed signature. Server used following string to sign: '${sts}'.` });
  });
});
