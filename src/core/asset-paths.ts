/**
 * Where the server keeps files the service worker treats specially, and the
 * names of the caches it keeps them in.
 *
 * The cache names carry a version. Changing how a cache's entries are made
 * (their keys or what is stored) needs a new version, and the old cache is
 * deleted on the next activation, which throws away every file in it: a
 * user would download their models again. Bump only when the old entries
 * cannot be used.
 */

/** URL prefix of model files (vision and language models). */
export const MODELS_PATH = '/models/'

/** URL prefix of AI runtimes (MediaPipe wasm and loaders). */
export const RUNTIMES_PATH = '/runtimes/'

/** URL prefix of the API; never cached, never given the HTML shell. */
export const API_PATH = '/api/'

/** Cache of model files, filled on first use or from Settings. */
export const MODEL_CACHE = 'enclave-models-v1'

/** Cache of AI runtime files, filled on first use. */
export const RUNTIME_CACHE = 'enclave-runtimes-v1'

/** Every runtime cache this version of the app owns. */
export const OWNED_CACHES: readonly string[] = [MODEL_CACHE, RUNTIME_CACHE]

/** Prefix shared by every cache the app has ever owned. */
export const CACHE_PREFIX = 'enclave-'
