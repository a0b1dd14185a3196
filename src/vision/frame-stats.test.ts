import { describe, expect, it } from 'vitest'
import { FrameStats } from './frame-stats'

describe('FrameStats', () => {
  it('has no rate or latency before any frame', () => {
    expect(new FrameStats().summary()).toEqual({
      fps: null,
      latencyMs: null,
      frames: 0,
      dropped: 0,
    })
  })

  it('gives the rate from the time between answered frames', () => {
    const stats = new FrameStats()
    for (let i = 0; i < 5; i++) {
      stats.add(1000 + i * 100, 40)
    }
    expect(stats.summary().fps).toBeCloseTo(10)
    expect(stats.summary().latencyMs).toBe(40)
  })

  it('forgets frames older than the window', () => {
    const stats = new FrameStats(3)
    stats.add(0, 500)
    stats.add(1000, 10)
    stats.add(1050, 20)
    stats.add(1100, 30)
    expect(stats.summary().fps).toBeCloseTo(20)
    expect(stats.summary().latencyMs).toBe(20)
    expect(stats.summary().frames).toBe(4)
  })

  it('counts dropped frames apart from answered ones', () => {
    const stats = new FrameStats()
    stats.add(0, 10)
    stats.drop()
    stats.drop()
    expect(stats.summary()).toMatchObject({ frames: 1, dropped: 2 })
  })
})
