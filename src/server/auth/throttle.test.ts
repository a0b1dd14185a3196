import { describe, expect, it } from 'vitest'
import { Throttle, ThrottleRefusals } from './throttle'

const WINDOW_MS = 15 * 60_000

function clock(start = 1_000_000) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}

describe('Throttle', () => {
  it('allows a key until it has failed the maximum number of times', () => {
    const time = clock()
    const throttle = new Throttle(3, WINDOW_MS, time.now)

    for (let i = 0; i < 3; i++) {
      expect(throttle.check('alice').allowed).toBe(true)
      throttle.fail('alice')
    }

    expect(throttle.check('alice').allowed).toBe(false)
  })

  it('tells a refused key how many seconds remain until the oldest failure leaves', () => {
    const time = clock()
    const throttle = new Throttle(2, WINDOW_MS, time.now)
    throttle.fail('alice')
    time.advance(60_000)
    throttle.fail('alice')
    time.advance(500)

    const verdict = throttle.check('alice')

    expect(verdict).toEqual({
      allowed: false,
      retryAfterSeconds: Math.ceil((WINDOW_MS - 60_500) / 1000),
    })
  })

  it('never tells a refused key to retry after zero seconds', () => {
    const time = clock()
    const throttle = new Throttle(1, WINDOW_MS, time.now)
    throttle.fail('alice')
    time.advance(WINDOW_MS - 1)

    expect(throttle.check('alice')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    })
  })

  it('forgets failures once they are older than the window', () => {
    const time = clock()
    const throttle = new Throttle(2, WINDOW_MS, time.now)
    throttle.fail('alice')
    throttle.fail('alice')
    expect(throttle.check('alice').allowed).toBe(false)

    time.advance(WINDOW_MS)

    expect(throttle.check('alice')).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    })
  })

  it('slides the window: only the failures inside it count', () => {
    const time = clock()
    const throttle = new Throttle(2, WINDOW_MS, time.now)
    throttle.fail('alice')
    time.advance(WINDOW_MS / 2)
    throttle.fail('alice')
    time.advance(WINDOW_MS / 2)

    expect(throttle.check('alice').allowed).toBe(true)

    throttle.fail('alice')

    expect(throttle.check('alice').allowed).toBe(false)
  })

  it('counts each key on its own', () => {
    const throttle = new Throttle(1, WINDOW_MS, clock().now)
    throttle.fail('alice')

    expect(throttle.check('alice').allowed).toBe(false)
    expect(throttle.check('bob').allowed).toBe(true)
  })

  it('clears a key on reset, as after a successful sign-in', () => {
    const throttle = new Throttle(2, WINDOW_MS, clock().now)
    throttle.fail('alice')
    throttle.fail('alice')

    throttle.reset('alice')

    expect(throttle.check('alice').allowed).toBe(true)
    throttle.fail('alice')
    expect(throttle.check('alice').allowed).toBe(true)
  })

  it('keeps counting a key that is still within the window after a prune', () => {
    const time = clock()
    const throttle = new Throttle(2, WINDOW_MS, time.now)
    throttle.fail('old')
    time.advance(WINDOW_MS)
    throttle.fail('recent')
    throttle.fail('recent')

    throttle.prune()

    expect(throttle.check('recent').allowed).toBe(false)
  })
})

describe('ThrottleRefusals', () => {
  it('lets the first refusal of a lockout through and counts the rest', () => {
    let now = 1_000_000
    const refusals = new ThrottleRefusals(() => now)
    expect(refusals.refused('account:editor', 60)).toBe(0)
    expect(refusals.refused('account:editor', 59)).toBeNull()
    expect(refusals.refused('account:editor', 58)).toBeNull()
    // Another key has a lockout of its own.
    expect(refusals.refused('address:10.0.0.9', 60)).toBe(0)

    now += 61_000
    expect(refusals.refused('account:editor', 60)).toBe(2)
    expect(refusals.refused('account:editor', 60)).toBeNull()
  })
})
