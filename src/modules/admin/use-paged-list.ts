/**
 * Loads a cursor-paged API list one page at a time, with loading and error
 * state, for the admin tables.
 */
import { useCallback, useEffect, useState } from 'react'
import type { Page } from '../../core/protocol'
import { useSessionStore } from '../../auth/session-context'
import { ApiRequestError } from '../../net/api-client'

/** State and the "load more" action of one paged list. */
export interface PagedList<T> {
  items: T[]
  loading: boolean
  error: string | null
  hasMore: boolean
  loadMore: () => void
}

/** Fetch `path` page by page; the first page loads on mount. */
export function usePagedList<T>(path: string, enabled: boolean): PagedList<T> {
  const session = useSessionStore()
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(true)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(
    async (from: string | null, signal?: AbortSignal) => {
      setLoading(true)
      setError(null)
      try {
        const query = from ? `?cursor=${encodeURIComponent(from)}` : ''
        const page = await session.request<Page<T>>(`${path}${query}`, {
          ...(signal ? { signal } : {}),
        })
        setItems((previous) =>
          from ? [...previous, ...page.items] : page.items,
        )
        setCursor(page.nextCursor)
        setHasMore(page.nextCursor !== null)
      } catch (caught) {
        if (caught instanceof DOMException && caught.name === 'AbortError') {
          return
        }
        setError(
          caught instanceof ApiRequestError
            ? caught.message
            : 'The list could not be loaded. Try again.',
        )
      } finally {
        setLoading(false)
      }
    },
    [path, session],
  )

  useEffect(() => {
    if (!enabled) {
      return
    }
    const controller = new AbortController()
    void load(null, controller.signal)
    return () => controller.abort()
  }, [enabled, load])

  return {
    items,
    loading,
    error,
    hasMore,
    loadMore: () => void load(cursor),
  }
}
