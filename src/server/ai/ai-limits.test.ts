import { describe, expect, it } from 'vitest'
import { AiLimits } from './ai-limits'

function clock(start = 1_000_000) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}

describe('AiLimits', () => {
  it('refuses the start past the per-minute rate with the seconds to wait', () => {
    const time = clock()
    const limits = new AiLimits(2, 10, time.now)
    expect(limits.acquire('u1')).toBeNull()
    time.advance(20_000)
    expect(limits.acquire('u1')).toBeNull()

    expect(limits.acquire('u1')).toEqual({
      code: 'rate_limited',
      retryAfterSeconds: 40,
    })
  })

  it('allows starts again once the oldest leaves the minute', () => {
    const time = clock()
    const limits = new AiLimits(1, 10, time.now)
    limits.acquire('u1')
    time.advance(60_000)
    expect(limits.acquire('u1')).toBeNull()
  })

  it('refuses a stream past the concurrent cap until one is released', () => {
    const limits = new AiLimits(100, 2, clock().now)
    limits.acquire('u1')
    limits.acquire('u1')
    expect(limits.acquire('u1')?.code).toBe('too_many_streams')

    limits.release('u1')
    expect(limits.acquire('u1')).toBeNull()
  })

  it('counts each user on their own', () => {
    const limits = new AiLimits(1, 1, clock().now)
    expect(limits.acquire('u1')).toBeNull()
    expect(limits.acquire('u2')).toBeNull()
    expect(limits.acquire('u1')?.code).toBe('rate_limited')
  })

  it('does not count a refused start against the rate', () => {
    const time = clock()
    const limits = new AiLimits(2, 1, time.now)
    limits.acquire('u1')
    expect(limits.acquire('u1')?.code).toBe('too_many_streams')
    limits.release('u1')
    expect(limits.acquire('u1')).toBeNull()
  })
})
