/**
 * The browser's one way to call the API. It sends JSON, reads JSON, and
 * turns every failure into an ApiRequestError with a code from the shared
 * catalog, so callers show one clear message whatever went wrong: a refusal
 * from the server, a body that is not JSON, or no connection at all.
 */
import {
  isErrorCode,
  messageFor,
  type ErrorCode,
  type FieldError,
} from '../core/errors'

/** A failed API call, with the code and text a user can be shown. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string = messageFor(code),
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

/** Options of one API call. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  accessToken?: string | null
  signal?: AbortSignal
  /**
   * How to read a successful answer: JSON (the default), or the raw bytes as
   * a Blob, for downloads such as the audit log's CSV. Errors are JSON either
   * way. `response` hands back the open Response for the caller to read as
   * a stream (the assistant's event stream).
   */
  as?: 'json' | 'blob' | 'response'
  /** Extra request headers, such as `Last-Event-ID` when resuming a stream. */
  headers?: Record<string, string>
}

/** Call `/api/<path>`; resolves to the parsed body, or undefined for 204. */
export async function apiRequest<T>(
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: acceptFor(options.as),
    ...options.headers,
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
  }
  if (options.accessToken) {
    headers.Authorization = `Bearer ${options.accessToken}`
  }

  let response: Response
  try {
    response = await fetch(`/api/${path.replace(/^\//, '')}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error
    }
    throw new ApiRequestError('network_unavailable', 0)
  }

  if (response.status === 204) {
    return undefined as T
  }

  if (response.ok && options.as === 'response') {
    return response as T
  }

  if (response.ok && options.as === 'blob') {
    try {
      return (await response.blob()) as T
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error
      }
      throw new ApiRequestError('network_unavailable', 0)
    }
  }

  let parsed: unknown
  try {
    parsed = await response.json()
  } catch {
    throw new ApiRequestError(
      response.ok ? 'server_error' : statusCode(response.status),
      response.status,
    )
  }

  if (!response.ok) {
    throw errorFromBody(parsed, response)
  }
  return parsed as T
}

function acceptFor(as: RequestOptions['as']): string {
  if (as === 'blob') return '*/*'
  if (as === 'response') return 'text/event-stream, application/json'
  return 'application/json'
}

function errorFromBody(body: unknown, response: Response): ApiRequestError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error
  const code = isErrorCode(error?.code)
    ? error.code
    : statusCode(response.status)
  const retryAfter = Number(response.headers.get('Retry-After'))
  return new ApiRequestError(
    code,
    response.status,
    messageFor(code),
    Array.isArray(error?.fields) ? (error.fields as FieldError[]) : [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  )
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 413) return 'payload_too_large'
  if (status === 429) return 'rate_limited'
  return 'server_error'
}
