import { describe, expect, it } from 'vitest'
import { formatBytes, progressOf } from './install-progress'

describe('progressOf', () => {
  it('gives percent, speed and time left from this session’s bytes', () => {
    const progress = progressOf({
      receivedBytes: 600,
      totalBytes: 1000,
      startBytes: 200,
      startedAt: 0,
      now: 2000,
      resumedFrom: 200,
    })
    expect(progress).toEqual({
      receivedBytes: 600,
      totalBytes: 1000,
      percent: 60,
      bytesPerSecond: 200,
      secondsLeft: 2,
      resumedFrom: 200,
    })
  })

  it('leaves percent and time left empty while the total is unknown', () => {
    const progress = progressOf({
      receivedBytes: 10,
      totalBytes: null,
      startBytes: 0,
      startedAt: 0,
      now: 1000,
      resumedFrom: 0,
    })
    expect(progress.percent).toBeNull()
    expect(progress.secondsLeft).toBeNull()
  })
})

describe('formatBytes', () => {
  it('uses decimal units with one decimal place', () => {
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(555_000_000)).toBe('555.0 MB')
  })
})
