import { afterEach, describe, expect, it, vi } from 'vitest'
import { GenerationHub } from './generation-hub'
import type { UpstreamChunk } from './live-generation'
import type { SseEvent } from './sse-frame'

/** An upstream the test feeds by hand, which records its abort. */
function manualUpstream() {
  const queue: UpstreamChunk[] = []
  let wake: (() => void) | null = null
  let ended = false
  const state = { aborted: false, calls: 0 }
  const push = (chunk: UpstreamChunk | null) => {
    if (chunk) queue.push(chunk)
    else ended = true
    wake?.()
  }
  async function* upstream(signal: AbortSignal) {
    state.calls += 1
    signal.addEventListener('abort', () => {
      state.aborted = true
      wake?.()
    })
    for (;;) {
      if (signal.aborted) throw new Error('aborted')
      const next = queue.shift()
      if (next) {
        yield next
        continue
      }
      if (ended) return
      await new Promise<void>((resolve) => (wake = resolve))
    }
  }
  return { upstream, push, state }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** The longest quiet spell from the upstream once it has begun. */
const IDLE_MS = 60_000

afterEach(() => {
  vi.useRealTimers()
})

describe('GenerationHub', () => {
  it('replays exactly the events after the last id a client saw', async () => {
    const hub = new GenerationHub(10_000, IDLE_MS)
    const source = manualUpstream()
    const generation = hub.start('u1', 'req-1', {
      model: 'm',
      upstream: source.upstream,
    })
    source.push({ kind: 'token', text: 'a' })
    source.push({ kind: 'token', text: 'b' })
    source.push({ kind: 'token', text: 'c' })
    source.push(null)
    await tick()

    const missed = generation.missedSince(1)
    expect(missed.map((event) => event.data)).toEqual([
      { text: 'b' },
      { text: 'c' },
      expect.objectContaining({ finishReason: 'stop' }),
    ])
    expect(source.state.calls).toBe(1)
    hub.closeAll()
  })

  it('aborts the upstream when nobody reattaches within the grace period', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const hub = new GenerationHub(15_000, IDLE_MS)
    const source = manualUpstream()
    const generation = hub.start('u1', 'req-2', {
      model: 'm',
      upstream: source.upstream,
    })
    const detach = generation.subscribe(() => undefined)
    detach()

    vi.advanceTimersByTime(14_999)
    expect(source.state.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(source.state.aborted).toBe(true)
    expect(hub.get('u1', 'req-2')).toBeUndefined()
  })

  it('keeps the upstream running when a client comes back in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const hub = new GenerationHub(15_000, IDLE_MS)
    const source = manualUpstream()
    const generation = hub.start('u1', 'req-3', {
      model: 'm',
      upstream: source.upstream,
    })
    generation.subscribe(() => undefined)()
    vi.advanceTimersByTime(10_000)
    generation.subscribe(() => undefined)
    vi.advanceTimersByTime(60_000)

    expect(source.state.aborted).toBe(false)
    hub.closeAll()
  })

  it('ends a stopped generation with an aborted done event', async () => {
    const hub = new GenerationHub(10_000, IDLE_MS)
    const source = manualUpstream()
    const seen: SseEvent[] = []
    const ends: string[] = []
    const generation = hub.start('u1', 'req-4', {
      model: 'm',
      upstream: source.upstream,
      onEnd: (outcome) => ends.push(outcome),
    })
    generation.subscribe((event) => seen.push(event))
    source.push({ kind: 'token', text: 'a' })
    await tick()

    expect(hub.stop('u1', 'req-4')).toBe(true)
    await tick()
    expect(source.state.aborted).toBe(true)
    expect(seen.at(-1)?.event).toBe('done')
    expect(seen.at(-1)?.data).toMatchObject({ finishReason: 'aborted' })
    expect(ends).toEqual(['aborted'])
    hub.closeAll()
  })

  it('turns an upstream failure into one error event', async () => {
    const hub = new GenerationHub(10_000, IDLE_MS)
    async function* failing(): AsyncGenerator<UpstreamChunk> {
      yield { kind: 'token', text: 'half' }
      throw new Error('upstream said: secret internals')
    }
    const generation = hub.start('u1', 'req-5', {
      model: 'm',
      upstream: failing,
    })
    await tick()

    const events = generation.missedSince(null)
    expect(events.map((event) => event.event)).toEqual(['token', 'error'])
    expect(JSON.stringify(events)).not.toContain('secret')
    hub.closeAll()
  })

  it('does not let one user reach another user’s generation', () => {
    const hub = new GenerationHub(10_000, IDLE_MS)
    const source = manualUpstream()
    hub.start('u1', 'req-6', { model: 'm', upstream: source.upstream })

    expect(hub.get('u2', 'req-6')).toBeUndefined()
    expect(hub.stop('u2', 'req-6')).toBe(false)
    hub.closeAll()
  })

  it('ends an answer whose upstream goes quiet part way as stalled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const hub = new GenerationHub(15_000, IDLE_MS)
    const source = manualUpstream()
    const seen: SseEvent[] = []
    const ends: string[] = []
    const generation = hub.start('u1', 'req-idle', {
      model: 'm',
      upstream: source.upstream,
      onEnd: (outcome) => ends.push(outcome),
    })
    generation.subscribe((event) => seen.push(event))
    source.push({ kind: 'token', text: 'Half' })
    await tick()

    vi.advanceTimersByTime(IDLE_MS - 1)
    expect(source.state.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(source.state.aborted).toBe(true)
    await tick()

    expect(seen.map((event) => event.event)).toEqual(['token', 'error'])
    expect(seen[1]?.data).toMatchObject({ code: 'upstream_stalled' })
    expect(ends).toEqual(['error'])
    hub.closeAll()
  })
})
