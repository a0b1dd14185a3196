/**
 * Loads a cursor-paged API list page by page, with loading and error state.
 * A list is for one query: the component that calls this is keyed by the
 * query string, so a new filter starts a fresh list instead of mixing pages
 * of two queries.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../core/protocol'
import { useSessionStore } from '../../auth/session-context'
import { ApiRequestError } from '../../net/api-client'

/** State and actions of one paged list. */
export interface CursorList<T> {
  items: T[]
  loading: boolean
  /** What went wrong with the last page, in words for the user. */
  error: string | null
  hasMore: boolean
  /** Fetch the next page; does nothing while one is loading or at the end. */
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

/** Fetch `path?query` page by page; the first page loads on mount. */
export function useCursorList<T>(
  path: string,
  query: string,
  enabled = true,
): CursorList<T> {
  const session = useSessionStore()
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [started, setStarted] = useState(false)
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<string | null>(null)
  // Refs, not state, guard against a second request for the same page: a
  // scroll can ask for more several times before React re-renders.
  const inFlight = useRef<AbortController | null>(null)
  const cursorRef = useRef<string | null>(null)

  const fetchPage = useCallback(() => {
    if (inFlight.current) {
      return
    }
    const controller = new AbortController()
    inFlight.current = controller
    const from = cursorRef.current
    const params = new URLSearchParams(query)
    if (from) {
      params.set('cursor', from)
    }
    setLoading(true)
    setError(null)
    session
      .request<Page<T>>(`${path}?${params.toString()}`, {
        signal: controller.signal,
      })
      .then(
        (page) => {
          inFlight.current = null
          cursorRef.current = page.nextCursor
          setItems((previous) =>
            from ? previous.concat(page.items) : page.items,
          )
          setCursor(page.nextCursor)
          setStarted(true)
          setLoading(false)
        },
        (caught: unknown) => {
          inFlight.current = null
          if (!isAbort(caught)) {
            setError(describe(caught))
            setLoading(false)
          }
        },
      )
  }, [path, query, session])

  useEffect(() => {
    if (!enabled) {
      return
    }
    fetchPage()
    return () => {
      inFlight.current?.abort()
      inFlight.current = null
    }
  }, [enabled, fetchPage])

  const loadMore = useCallback(() => {
    if (started && cursorRef.current === null) {
      return
    }
    fetchPage()
  }, [fetchPage, started])

  return {
    items,
    loading,
    error,
    hasMore: !started || cursor !== null,
    loadMore,
  }
}
