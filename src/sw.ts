/**
 * The service worker. It precaches the app shell and every module's chunk
 * at install, so every module a user may open works offline after the first
 * visit, and keeps AI runtimes and model files in versioned caches on first
 * use. The API is never cached.
 *
 * Updates wait: a new worker stays in "waiting" until the page asks it to
 * take over (the update toast's Reload), so a tab is never reloaded under a
 * user who is typing.
 */
/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { Strategy, type StrategyHandler } from 'workbox-strategies'
import { clientsClaim, type WorkboxPlugin } from 'workbox-core'
import {
  API_PATH,
  CACHE_PREFIX,
  MODELS_PATH,
  MODEL_CACHE,
  OWNED_CACHES,
  RUNTIMES_PATH,
  RUNTIME_CACHE,
} from './core/asset-paths'
import { refuseAssetResponse } from './net/asset-cache-policy'

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[]
}

/** Message the page sends to let a waiting worker take over. */
const SKIP_WAITING = 'SKIP_WAITING'

/** Message the worker sends when it has stored a model or runtime file. */
const ASSET_CACHED = 'ASSET_CACHED'

cleanupOutdatedCaches()
precacheAndRoute(self.__WB_MANIFEST)

// Take charge of open pages when this worker activates. On a first visit
// that makes the page's later chunk loads come from the precache; on an
// update it only happens after the user chose Reload (skipWaiting).
clientsClaim()

// Any navigation gets the shell, except paths that are files or data: an
// HTML page in place of a model or an API answer would be worse than an
// honest network error.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [
      new RegExp(`^${API_PATH}`),
      new RegExp(`^${MODELS_PATH}`),
      new RegExp(`^${RUNTIMES_PATH}`),
    ],
  }),
)

// The API, including the assistant's event streams, is left alone: the
// worker does not answer for it, so requests go straight to the network and
// a long stream is not held open through the worker.

/** Stores a model or runtime response only when it is the real file. */
const onlyRealFiles: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => {
    const bodyBytes =
      response.type === 'opaque'
        ? 0
        : (await response.clone().arrayBuffer()).byteLength
    const refusal = refuseAssetResponse({
      status: response.status,
      type: response.type,
      contentType: response.headers.get('Content-Type'),
      contentLength: response.headers.get('Content-Length'),
      bodyBytes,
    })
    return refusal === null ? response : null
  },
  // Tell open pages a model or runtime is now on the device: that is when
  // persistent storage starts to matter, and only a page can ask for it.
  cacheDidUpdate: async () => {
    const pages = await self.clients.matchAll({ type: 'window' })
    for (const page of pages) {
      page.postMessage({ type: ASSET_CACHED })
    }
  },
}

/**
 * Cache first, and on a miss the file is stored (or refused) before the page
 * gets it, unlike Workbox's CacheFirst, which stores in the background. A
 * page that has its model can then rely on it being there offline.
 */
class CacheFirstStored extends Strategy {
  protected async _handle(
    request: Request,
    handler: StrategyHandler,
  ): Promise<Response> {
    const cached = await handler.cacheMatch(request)
    if (cached) {
      return cached
    }
    const response = await handler.fetch(request)
    await handler.cachePut(request, response.clone())
    return response
  }
}

registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith(RUNTIMES_PATH),
  new CacheFirstStored({ cacheName: RUNTIME_CACHE, plugins: [onlyRealFiles] }),
)
registerRoute(
  ({ url }) =>
    url.origin === self.location.origin && url.pathname.startsWith(MODELS_PATH),
  new CacheFirstStored({ cacheName: MODEL_CACHE, plugins: [onlyRealFiles] }),
)

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) {
    void self.skipWaiting()
  }
})

// Runtime caches from older versions of the app are deleted once this
// worker is in charge; the precache cleans up after itself.
self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter(
              (name) =>
                name.startsWith(CACHE_PREFIX) && !OWNED_CACHES.includes(name),
            )
            .map((name) => caches.delete(name)),
        ),
      ),
  )
})
