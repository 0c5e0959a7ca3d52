/**
 * The till's own database in the browser (IndexedDB): the store's catalogue slice and the sales
 * made offline. Two object stores, a few promise helpers; no library.
 */
const NAME = 'passerelle-till'
const VERSION = 1
export type StoreName = 'catalogue' | 'sales'

let opening: Promise<IDBDatabase> | null = null

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION)
    req.onupgradeneeded = () => {
      const db = req.result
      if (!db.objectStoreNames.contains('catalogue')) db.createObjectStore('catalogue', { keyPath: 'scope' })
      if (!db.objectStoreNames.contains('sales')) db.createObjectStore('sales', { keyPath: 'key' })
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => {
      opening = null
      reject(req.error)
    }
  })
  return opening
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

export async function get<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await open()
  return done(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>
}

export async function all<T>(store: StoreName): Promise<T[]> {
  const db = await open()
  return done(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>
}

/** Writes a record and resolves once the transaction is durable (a sale survives a closed tab). */
export async function put<T>(store: StoreName, value: T): Promise<void> {
  const db = await open()
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' })
    tx.objectStore(store).put(value)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}
