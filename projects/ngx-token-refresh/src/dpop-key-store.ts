import { KeyPair, generateKeyPair } from 'dpop';

const DATABASE = 'ngx-token-refresh';
const STORE = 'dpop-keys';

/**
 * The DPoP key pair of one `storageKey`: ES256 from WebCrypto with a private key that cannot be
 * exported (the page can sign with it, never read it). It lives in IndexedDB, so a reload keeps
 * it and every tab of the origin signs with the same key; the first tab to store one wins, so
 * tabs that start together agree. Where IndexedDB is missing or refuses (server rendering, some
 * private modes), the key lives in this page's memory. Internal.
 */
export class DpopKeyStore {
  private _key: Promise<KeyPair> | null = null;

  constructor(private readonly _name: string) {}

  /** The key pair, created and stored on first use. */
  load(): Promise<KeyPair> {
    return this._key ?? this._remember(this._loadOrCreate());
  }

  /**
   * Discards the key pair (logout: the old tokens' key must not sign again); the next `load()`,
   * here or in another tab, makes a new one. Once this tab has opened the database (its first
   * proof did), the delete's transaction is opened before this returns, so a tab told of the
   * logout afterwards reads after the delete; before that, it opens once the database is open.
   */
  discard(): void {
    this._key = null;
    this._idb((store) => store.delete(this._name)).catch(() => undefined);
  }

  /** Forgets the key in memory: the next `load()` reads the stored one (another tab's). */
  forget(): void {
    this._key = null;
  }

  /** Makes `key` the current key; a failed one (WebCrypto refused) is tried again next time. */
  private _remember(key: Promise<KeyPair>): Promise<KeyPair> {
    const current = key.catch((error: unknown) => {
      if (this._key === current) this._key = null;
      throw error;
    });
    this._key = current;
    return current;
  }

  private async _loadOrCreate(): Promise<KeyPair> {
    const stored = await this._read();
    if (stored) return stored;
    const created = await generateKeyPair('ES256');
    // `add` fails when another tab stored its key first: then that one is the origin's key.
    const added = await this._idb((store) => store.add(created, this._name)).then(
      () => true,
      () => false,
    );
    return added ? created : ((await this._read()) ?? created);
  }

  private async _read(): Promise<KeyPair | null> {
    // No IndexedDB (or a refused one): the key of this page's memory is the only one.
    try {
      const value = await this._idb((store) => store.get(this._name));
      return isKeyPair(value) ? value : null;
    } catch {
      return null;
    }
  }

  /**
   * Runs one request against the key store in its own transaction, opened at once when the
   * database is (readwrite transactions run in the order they were opened, across tabs too).
   */
  private _idb(request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const run = (db: IDBDatabase) =>
      new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        const pending = request(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(pending.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    return opened ? run(opened) : openDatabase().then(run);
  }
}

let database: Promise<IDBDatabase> | null = null;
/** The database once open; `null` before, and after the browser closed it. */
let opened: IDBDatabase | null = null;

function openDatabase(): Promise<IDBDatabase> {
  database ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = globalThis.indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      opened = request.result;
      opened.onclose = () => (opened = database = null);
      resolve(opened);
    };
    request.onerror = () => reject(request.error);
  }).catch((error: unknown) => {
    database = null;
    throw error;
  });
  return database;
}

function isKeyPair(value: unknown): value is KeyPair {
  const pair = value as Partial<KeyPair> | null | undefined;
  return pair?.privateKey instanceof CryptoKey && pair.publicKey instanceof CryptoKey;
}
