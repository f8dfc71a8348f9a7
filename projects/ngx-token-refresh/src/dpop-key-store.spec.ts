import { calculateThumbprint } from 'dpop';
import { DpopKeyStore } from './dpop-key-store';

describe('DpopKeyStore', () => {
  let name: string;
  beforeEach(() => (name = `spec-${Math.random().toString(36).slice(2)}`));

  it('load() makes an ES256 key pair whose private key cannot be exported', async () => {
    const key = await new DpopKeyStore(name).load();
    expect(key.privateKey.extractable).toBeFalse();
    expect(key.privateKey.algorithm).toEqual(
      jasmine.objectContaining({ name: 'ECDSA', namedCurve: 'P-256' }),
    );
    await expectAsync(crypto.subtle.exportKey('jwk', key.privateKey)).toBeRejected();
  });

  it('load() in a new store of the same name (a reload, another tab) gives the stored key', async () => {
    const first = await new DpopKeyStore(name).load();
    const again = await new DpopKeyStore(name).load();
    expect(await calculateThumbprint(again.publicKey)).toBe(
      await calculateThumbprint(first.publicKey),
    );
  });

  it('load() of two stores at once (two tabs starting together) agrees on one key', async () => {
    const [a, b] = await Promise.all([
      new DpopKeyStore(name).load(),
      new DpopKeyStore(name).load(),
    ]);
    expect(await calculateThumbprint(a.publicKey)).toBe(await calculateThumbprint(b.publicKey));
  });

  it('load() keeps one key per name', async () => {
    const a = await new DpopKeyStore(name).load();
    const b = await new DpopKeyStore(`${name}-other`).load();
    expect(await calculateThumbprint(a.publicKey)).not.toBe(await calculateThumbprint(b.publicKey));
  });

  it('replace() makes a new key that later loads return', async () => {
    const store = new DpopKeyStore(name);
    const old = await calculateThumbprint((await store.load()).publicKey);
    const replaced = await calculateThumbprint((await store.replace()).publicKey);
    expect(replaced).not.toBe(old);
    expect(await calculateThumbprint((await store.load()).publicKey)).toBe(replaced);
    expect(await calculateThumbprint((await new DpopKeyStore(name).load()).publicKey)).toBe(
      replaced,
    );
  });

  it('load() after a replace() that WebCrypto refused makes a key again', async () => {
    const store = new DpopKeyStore(name);
    const old = await calculateThumbprint((await store.load()).publicKey);
    const generate = spyOn(crypto.subtle, 'generateKey').and.callThrough();
    generate.and.returnValue(Promise.reject(new DOMException('refused', 'OperationError')));
    await expectAsync(store.replace()).toBeRejected();
    generate.and.callThrough();
    const key = await store.load();
    expect(await calculateThumbprint(key.publicKey)).toBe(old); // the stored key, loaded again
  });

  it('load() keeps a key in memory where IndexedDB throws', async () => {
    spyOn(indexedDB, 'open').and.throwError(new DOMException('denied', 'SecurityError'));
    const store = new DpopKeyStore(`${name}-memory`);
    const key = await store.load();
    expect(await calculateThumbprint((await store.load()).publicKey)).toBe(
      await calculateThumbprint(key.publicKey),
    );
  });
});
