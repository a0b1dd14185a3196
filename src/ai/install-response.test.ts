import { describe, expect, it } from 'vitest'
import { validateResponse } from './install-response'

function response(status: number, headers: Record<string, string>) {
  return { status, header: (name: string) => headers[name] ?? null }
}

describe('validateResponse', () => {
  it('takes the total from Content-Range when resuming', () => {
    const check = validateResponse(
      response(206, { 'content-range': 'bytes 100-999/1000' }),
      100,
    )
    expect(check).toEqual({ total: 1000, restart: false })
  })

  it('refuses a range that starts at another byte', () => {
    const check = validateResponse(
      response(206, { 'content-range': 'bytes 0-999/1000' }),
      100,
    )
    expect(check).toMatchObject({ refused: 'model_download_failed' })
  })

  it('starts over when a resume is answered with the whole file', () => {
    const check = validateResponse(
      response(200, { 'content-length': '1000' }),
      100,
    )
    expect(check).toEqual({ total: 1000, restart: true })
  })

  it('refuses a web page, whatever its status', () => {
    const check = validateResponse(
      response(200, { 'content-type': 'text/html; charset=utf-8' }),
      0,
    )
    expect(check).toMatchObject({ refused: 'model_not_a_file' })
  })

  it('refuses an error status with the status in the detail', () => {
    expect(validateResponse(response(404, {}), 0)).toEqual({
      refused: 'model_download_failed',
      detail: 'the server answered 404',
    })
  })
})
