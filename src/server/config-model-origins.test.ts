import { describe, expect, it } from 'vitest'
import { catalogOrigins } from '../../models/model-catalog'
import { ConfigError, loadConfig } from './config'
import { securityHeaders } from './http/security-headers'
import { Hono } from 'hono'

describe('ENCLAVE_MODEL_ORIGINS', () => {
  it("defaults to the catalog's own origins", () => {
    expect(loadConfig({}).modelOrigins).toEqual(catalogOrigins())
  })

  it('keeps only the origin of each listed entry', () => {
    const config = loadConfig({
      ENCLAVE_MODEL_ORIGINS: 'http://127.0.0.1:9000/x, https://models.example',
    })
    expect(config.modelOrigins).toEqual([
      'http://127.0.0.1:9000',
      'https://models.example',
    ])
  })

  it('refuses an entry that is not an http(s) URL', () => {
    expect(() => loadConfig({ ENCLAVE_MODEL_ORIGINS: 'javascript:1' })).toThrow(
      ConfigError,
    )
  })

  it("allows connect-src only to 'self' and the listed origins", async () => {
    const app = new Hono()
    app.use(
      securityHeaders({
        https: false,
        modelOrigins: ['http://127.0.0.1:9000'],
      }),
    )
    app.get('/', (c) => c.text('ok'))
    const csp = (await app.request('/')).headers.get('content-security-policy')
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:9000;")
  })
})
