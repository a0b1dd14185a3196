/**
 * Reads a JSON request body and validates it with a zod schema, turning each
 * way it can be wrong into the matching API error.
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import type { FieldError } from '../../core/errors'
import { ApiError } from './api-error'

/** Parse and validate the body; throws 415, 400 `invalid_json` or 400 `invalid_request`. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  // Exactly JSON, with or without parameters: not `application/json-patch+json`.
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type')
  }

  let raw: unknown
  try {
    raw = JSON.parse(await c.req.text())
  } catch {
    throw new ApiError(400, 'invalid_json')
  }

  return validate(schema, raw)
}

/** Validate already-parsed input (a body or a query); throws 400 `invalid_request`. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_request', {
      fields: fieldErrors(parsed.error),
    })
  }
  return parsed.data
}

/** Flatten zod issues into dotted paths and messages. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }))
}
