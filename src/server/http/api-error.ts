/**
 * The one error type API handlers throw. The app's error handler turns it
 * into `{error: {code, message}}` with its status; anything else becomes a
 * logged `server_error` with no stack trace in the response.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { messageFor, type ErrorCode, type FieldError } from '../../core/errors'

/** An expected failure with a code the client understands. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly extra: {
      fields?: FieldError[]
      permission?: string
      retryAfterSeconds?: number
      message?: string
    } = {},
  ) {
    super(extra.message ?? messageFor(code))
  }

  /** The JSON body sent for this error. */
  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.extra.fields ? { fields: this.extra.fields } : {}),
        ...(this.extra.permission ? { permission: this.extra.permission } : {}),
      },
    }
  }
}
