import { calculateThumbprint } from 'dpop';
import { uniqueKey } from '../spec/spec-helpers';
import { DpopKeyStore } from './dpop-key-store';

describe('DpopKeyStore', () => {
  let name: string;
  beforeEach(() => (name = uniqueKey()));

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

  it('load() after discard() makes a new key, which a new store of the same name loads too', async () => {
    const store = new DpopKeyStore(name);
    const old = await calculateThumbprint((await store.load()).publicKey);
    store.discard();
    const next = await calculateThumbprint((await store.load()).publicKey);
    expect(next).not.toBe(old);
    expect(await calculateThumbprint((await new DpopKeyStore(name).load()).publicKey)).toBe(next);
  });

  it('load() in a tab that hears of a logout at once never gets the key discarded there', async () => {
    const [tabA, tabB] = [new DpopKeyStore(name), new DpopKeyStore(name)];
    const old = await calculateThumbprint((await tabA.load()).publicKey);
    expect(await calculateThumbprint((await tabB.load()).publicKey)).toBe(old);
    tabA.discard(); // logout in tab A...
    tabB.forget(); // ...whose news reaches tab B, which signs in at once
    const next = await calculateThumbprint((await tabB.load()).publicKey);
    expect(next).not.toBe(old);
    expect(await calculateThumbprint((await tabA.load()).publicKey)).toBe(next);
  });

  it('discard() opens its delete before it returns, so a read another tab starts right after misses the old key', async () => {
    const db = await keyDatabase();
    const store = new DpopKeyStore(name);
    await store.load();
    store.discard();
    const read = db.transaction('dpop-keys', 'readwrite').objectStore('dpop-keys').get(name);
    await new Promise((resolve) => (read.onsuccess = resolve));
    expect(read.result).toBeUndefined();
  });

  it('load() after discard() where WebCrypto refuses fails, and the old key never returns', async () => {
    const store = new DpopKeyStore(name);
    const old = await calculateThumbprint((await store.load()).publicKey);
    store.discard();
    const refused = () => Promise.reject(new DOMException('refused', 'OperationError'));
    const generate = spyOn(crypto.subtle, 'generateKey').and.callFake(refused as never);
    await expectAsync(store.load()).toBeRejected();
    generate.and.callThrough();
    const key = await store.load(); // tried again, not remembered as failed
    expect(await calculateThumbprint(key.publicKey)).not.toBe(old);
  });

  it('load() keeps one key in memory where IndexedDB refuses, and discard() replaces it quietly', async () => {
    const denied = new DOMException('denied', 'SecurityError');
    spyOn(indexedDB, 'open').and.throwError(denied);
    spyOn(IDBDatabase.prototype, 'transaction').and.throwError(denied);
    const store = new DpopKeyStore(`${name}-memory`);
    const key = await thumbprintOf(store);
    expect(await thumbprintOf(store)).toBe(key);
    store.discard();
    expect(await thumbprintOf(store)).not.toBe(key);
  });

  it('load() ignores a stored value that is not a key pair and makes a new key', async () => {
    const db = await keyDatabase();
    await new Promise((resolve) => {
      const transaction = db.transaction('dpop-keys', 'readwrite');
      transaction.objectStore('dpop-keys').put({ privateKey: 'not a key' }, name);
      transaction.oncomplete = resolve;
    });
    const key = await new DpopKeyStore(name).load();
    expect(key.privateKey).toEqual(jasmine.any(CryptoKey));
    expect(key.publicKey).toEqual(jasmine.any(CryptoKey));
  });

  it('load() stores keys in IndexedDB again after the browser closed it and reopening failed once', async () => {
    const db = await keyDatabase();
    db.close();
    db.dispatchEvent(new Event('close')); // as the browser does when it closes the database
    const open = spyOn(indexedDB, 'open').and.throwError(new DOMException('busy', 'UnknownError'));
    await new DpopKeyStore(`${name}-memory`).load();
    open.and.callThrough();
    const stored = await thumbprintOf(new DpopKeyStore(name));
    expect(await thumbprintOf(new DpopKeyStore(name))).toBe(stored);
  });
});

function thumbprintOf(store: DpopKeyStore): Promise<string> {
  return store.load().then((key) => calculateThumbprint(key.publicKey));
}

/** The key store's database, opened by a load (as its transactions show). */
async function keyDatabase(): Promise<IDBDatabase> {
  const transaction = spyOn(IDBDatabase.prototype, 'transaction').and.callThrough();
  await new DpopKeyStore(uniqueKey()).load();
  return transaction.calls.mostRecent().object as IDBDatabase;
}
