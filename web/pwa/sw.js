// The workspace's service worker: the app shell (index.html and the hashed assets of this build) is
// kept in the browser, so that a till opens and sells when the server or the network is gone.
// Written by hand; the build fills in BUILD and SHELL (web/vite.config.ts). The API is never cached
// here: the till keeps its catalogue slice and its offline sales in IndexedDB itself.
const BUILD = '__BUILD__'
const SHELL = __SHELL__
const CACHE = `passerelle-shell-${BUILD}`

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('passerelle-shell-') && n !== CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

const notTheShell = /^\/(api|docs|openapi\.json|asyncapi\.json|health)(\/|\?|$)/

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || notTheShell.test(url.pathname)) return
  if (request.mode === 'navigate') {
    // A page of the workspace: the server's index.html when it answers (a new build), else the kept one.
    event.respondWith(
      fetch(request)
        .then((answer) => {
          if (answer.ok) {
            const copy = answer.clone()
            caches.open(CACHE).then((cache) => cache.put('/index.html', copy))
          }
          return answer
        })
        .catch(() => caches.match('/index.html').then((kept) => kept ?? Response.error())),
    )
    return
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change content: the kept copy is the file.
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ??
          fetch(request).then((answer) => {
            if (answer.ok) {
              const copy = answer.clone()
              caches.open(CACHE).then((cache) => cache.put(request, copy))
            }
            return answer
          }),
      ),
    )
    return
  }
  event.respondWith(
    fetch(request).catch(() => caches.match(request).then((kept) => kept ?? Response.error())),
  )
})
