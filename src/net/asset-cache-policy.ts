/**
 * Decides whether a downloaded model or runtime file may go into the cache.
 *
 * A misconfigured server or proxy can answer a file URL with an HTML page (a
 * login wall, a 404 page, the app shell). Cached, that page would be served
 * as the model forever, and loading it fails with an unreadable error. A
 * response whose body is shorter or longer than its Content-Length was cut
 * off or altered on the way. Neither is stored.
 */

/** What the policy needs to know about a response. */
export interface AssetResponseFacts {
  status: number
  /** `opaque` responses (no CORS) cannot be checked, so are never stored. */
  type: string
  contentType: string | null
  contentLength: string | null
  /** Bytes actually received. */
  bodyBytes: number
}

/** Why a response was refused, or null when it may be cached. */
export type AssetRefusal =
  'not_ok' | 'opaque' | 'partial' | 'html' | 'length_mismatch' | null

/** Check a response before it is cached; null means it may be stored. */
export function refuseAssetResponse(facts: AssetResponseFacts): AssetRefusal {
  if (facts.type === 'opaque') {
    return 'opaque'
  }
  if (facts.status === 206) {
    return 'partial'
  }
  if (facts.status !== 200) {
    return 'not_ok'
  }
  if (facts.contentType && /^\s*text\/html\b/i.test(facts.contentType)) {
    return 'html'
  }
  if (facts.contentLength !== null && facts.contentLength.trim() !== '') {
    const declared = Number(facts.contentLength)
    if (!Number.isSafeInteger(declared) || declared !== facts.bodyBytes) {
      return 'length_mismatch'
    }
  }
  return null
}
