import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { loginRequestSchema } from '../../core/protocol'
import { ApiError } from './api-error'
import { readBody, validate } from './read-body'

/** The ApiError a call throws, so a test can look at its code and fields. */
function apiErrorOf(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) {
      return error
    }
    throw error
  }
  throw new Error('expected an ApiError, but nothing was thrown')
}

describe('validate with the login schema', () => {
  it('names each missing field by its path', () => {
    const error = apiErrorOf(() => validate(loginRequestSchema, {}))

    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid_request')
    expect(error.extra.fields?.map((field) => field.path).sort()).toEqual([
      'password',
      'username',
    ])
  })

  it('treats a username of spaces as missing, with the form’s own words', () => {
    const error = apiErrorOf(() =>
      validate(loginRequestSchema, { username: '   ', password: 'secret' }),
    )

    expect(error.extra.fields).toEqual([
      { path: 'username', message: 'Enter a username.' },
    ])
  })

  it('refuses an empty password with the form’s own words', () => {
    const error = apiErrorOf(() =>
      validate(loginRequestSchema, { username: 'admin', password: '' }),
    )

    expect(error.extra.fields).toEqual([
      { path: 'password', message: 'Enter a password.' },
    ])
  })

  it('refuses a password longer than the argon2 input cap', () => {
    const error = apiErrorOf(() =>
      validate(loginRequestSchema, {
        username: 'admin',
        password: 'x'.repeat(257),
      }),
    )

    expect(error.extra.fields?.map((field) => field.path)).toEqual(['password'])
  })

  it('refuses a field of the wrong type', () => {
    const error = apiErrorOf(() =>
      validate(loginRequestSchema, { username: 7, password: 'secret' }),
    )

    expect(error.extra.fields?.map((field) => field.path)).toEqual(['username'])
  })

  it('reports a body that is not an object at the body itself', () => {
    const error = apiErrorOf(() => validate(loginRequestSchema, ['admin']))

    expect(error.extra.fields).toEqual([
      { path: '(body)', message: expect.any(String) },
    ])
  })

  it('joins nested paths with dots', () => {
    const schema = z.object({ user: z.object({ tags: z.array(z.string()) }) })

    const error = apiErrorOf(() =>
      validate(schema, { user: { tags: ['ok', 3] } }),
    )

    expect(error.extra.fields?.map((field) => field.path)).toEqual([
      'user.tags.1',
    ])
  })

  it('returns the parsed value, trimmed, when the body is valid', () => {
    expect(
      validate(loginRequestSchema, { username: ' admin ', password: ' pw ' }),
    ).toEqual({ username: 'admin', password: ' pw ' })
  })
})

describe('readBody', () => {
  const app = new Hono()
  app.post('/login', async (c) => {
    try {
      return c.json({ ok: await readBody(c, loginRequestSchema) })
    } catch (error) {
      if (error instanceof ApiError) {
        return c.json(error.toBody(), error.status)
      }
      throw error
    }
  })

  function post(body: string, contentType?: string) {
    return app.request('/login', {
      method: 'POST',
      body,
      headers: contentType ? { 'content-type': contentType } : {},
    })
  }

  it('accepts JSON with a charset parameter', async () => {
    const response = await post(
      JSON.stringify({ username: 'admin', password: 'pw' }),
      'application/json; charset=utf-8',
    )

    expect(response.status).toBe(200)
  })

  it('refuses a body that is not declared as JSON with 415', async () => {
    const response = await post('username=admin', 'text/plain')

    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({
      error: { code: 'unsupported_media_type' },
    })
  })

  it('refuses a content type that only starts like JSON', async () => {
    const response = await post('{}', 'application/jsonp')

    expect(response.status).toBe(415)
  })

  it('refuses a JSON dialect such as JSON Patch', async () => {
    const response = await post('{}', 'application/json-patch+json')

    expect(response.status).toBe(415)
  })

  it('refuses malformed JSON with invalid_json', async () => {
    const response = await post('{"username": "admin",', 'application/json')

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_json' },
    })
  })

  it('refuses JSON with missing fields with their paths', async () => {
    const response = await post('{"username": "admin"}', 'application/json')

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: {
        code: 'invalid_request',
        fields: [{ path: 'password', message: expect.any(String) }],
      },
    })
  })
})
