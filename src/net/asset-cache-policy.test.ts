import { describe, expect, it } from 'vitest'
import {
  refuseAssetResponse,
  type AssetResponseFacts,
} from './asset-cache-policy'

const good: AssetResponseFacts = {
  status: 200,
  type: 'basic',
  contentType: 'application/wasm',
  contentLength: '1024',
  bodyBytes: 1024,
}

describe('refuseAssetResponse', () => {
  it('accepts a complete binary response', () => {
    expect(refuseAssetResponse(good)).toBeNull()
  })

  it('accepts a response without Content-Length (compressed or chunked)', () => {
    expect(refuseAssetResponse({ ...good, contentLength: null })).toBeNull()
  })

  it('refuses an HTML page served in place of a model', () => {
    expect(
      refuseAssetResponse({ ...good, contentType: 'text/html; charset=UTF-8' }),
    ).toBe('html')
  })

  it('refuses a body shorter than its Content-Length', () => {
    expect(refuseAssetResponse({ ...good, bodyBytes: 512 })).toBe(
      'length_mismatch',
    )
  })

  it('refuses a nonsense Content-Length', () => {
    expect(refuseAssetResponse({ ...good, contentLength: 'lots' })).toBe(
      'length_mismatch',
    )
  })

  it('refuses errors, partial content and opaque responses', () => {
    expect(refuseAssetResponse({ ...good, status: 404 })).toBe('not_ok')
    expect(refuseAssetResponse({ ...good, status: 206 })).toBe('partial')
    expect(refuseAssetResponse({ ...good, type: 'opaque', status: 0 })).toBe(
      'opaque',
    )
  })
})
