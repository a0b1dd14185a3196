import { describe, expect, it } from 'vitest'
import { LatestOnly } from './latest-only'

/** Work whose every call waits until the test lets it finish. */
function gatedWork() {
  const started: number[] = []
  const gates: (() => void)[] = []
  const work = (n: number) => {
    started.push(n)
    return new Promise<number>((resolve) => gates.push(() => resolve(n * 10)))
  }
  const finishNext = async () => {
    gates.shift()?.()
    // Let the scheduler see the result and start what comes next.
    await Promise.resolve()
    await Promise.resolve()
  }
  return { started, work, finishNext }
}

describe('LatestOnly', () => {
  it('runs the first request at once and only the newest of those that waited', async () => {
    const { started, work, finishNext } = gatedWork()
    const results: number[] = []
    const runner = new LatestOnly(
      work,
      (r) => results.push(r),
      () => {},
    )

    runner.request(1)
    runner.request(2)
    runner.request(3)
    runner.request(4)
    expect(started).toEqual([1])

    await finishNext()
    expect(started).toEqual([1, 4])
    await finishNext()
    expect(results).toEqual([10, 40])
    expect(started).toEqual([1, 4])
  })

  it('reports a failure and goes on with the next request', async () => {
    const results: string[] = []
    let done = () => {}
    const both = new Promise<void>((resolve) => (done = resolve))
    const note = (line: string) => {
      results.push(line)
      if (results.length === 2) done()
    }
    const runner = new LatestOnly(
      (n: number) =>
        n === 1 ? Promise.reject(new Error('no')) : Promise.resolve(n),
      (r) => note(`ok ${r}`),
      (error, n) => note(`failed ${n}: ${(error as Error).message}`),
    )
    runner.request(1)
    runner.request(2)
    await both
    expect(results).toEqual(['failed 1: no', 'ok 2'])
  })

  it('drops a waiting request when cancelled', async () => {
    const { started, work, finishNext } = gatedWork()
    const runner = new LatestOnly(
      work,
      () => {},
      () => {},
    )
    runner.request(1)
    runner.request(2)
    runner.cancel()
    await finishNext()
    expect(started).toEqual([1])
  })
})
