import { describe, expect, it } from 'vitest'
import type { PolicyInput } from './engine-policy'
import { decisionReason } from './engine-reason'

const base: PolicyInput = {
  online: true,
  cloudPermitted: true,
  localReady: false,
  setting: 'auto',
  cacheHit: false,
  bypassCache: false,
}

describe('decisionReason', () => {
  it('says why Auto fell back to the cloud, with the local problem', () => {
    expect(
      decisionReason(base, 'cloud', 'the installed file is not a valid model'),
    ).toBe(
      'Auto: the on-device model is not ready (the installed file is not a valid model)',
    )
  })

  it('names the setting when the choice forced the engine', () => {
    expect(decisionReason({ ...base, setting: 'cloud-only' }, 'cloud')).toBe(
      'your engine choice is Cloud only',
    )
    expect(decisionReason({ ...base, setting: 'local-only' }, 'local')).toBe(
      'your engine choice is Local only',
    )
  })

  it('says an offline Auto answer came from the device', () => {
    expect(decisionReason({ ...base, online: false }, 'local')).toContain(
      'offline',
    )
  })

  it('says a cache answer is a saved one', () => {
    expect(decisionReason(base, 'cache')).toBe(
      'a saved answer to the same question',
    )
  })
})
