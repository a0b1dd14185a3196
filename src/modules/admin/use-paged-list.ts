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

function describe(error: unknown): string {
  return error instanceof ApiRequestError
    ? error.message
    : 'The list could not be loaded. Try again.'
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** Fetch `path` page by page; the first page loads on mount. */
export function usePagedList<T>(path: string, enabled: boolean): PagedList<T> {
  const session = useSessionStore()
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<string | null>(null)

  const fetchPage = useCallback(
    (from: string | null, signal?: AbortSignal) => {
      const query = from ? `?cursor=${encodeURIComponent(from)}` : ''
      return session.request<Page<T>>(
        `${path}${query}`,
        signal ? { signal } : {},
      )
    },
    [path, session],
  )

  useEffect(() => {
    if (!enabled) {
      return
    }
    const controller = new AbortController()
    fetchPage(null, controller.signal).then(
      (page) => {
        setItems(page.items)
        setCursor(page.nextCursor)
        setLoading(false)
      },
      (caught: unknown) => {
        if (!isAbort(caught)) {
          setError(describe(caught))
          setLoading(false)
        }
      },
    )
    return () => controller.abort()
  }, [enabled, fetchPage])

  const loadMore = () => {
    setLoading(true)
    setError(null)
    const first = items.length === 0
    fetchPage(first ? null : cursor).then(
      (page) => {
        setItems((previous) =>
          first ? page.items : [...previous, ...page.items],
        )
        setCursor(page.nextCursor)
        setLoading(false)
      },
      (caught: unknown) => {
        setError(describe(caught))
        setLoading(false)
      },
    )
  }

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore,
  }
}
