import { describe, expect, it } from 'vitest'
import { withGpuFallback } from './gpu-fallback'
import type { Delegate } from './vision-protocol'

describe('withGpuFallback', () => {
  it('uses the GPU when it works', async () => {
    const result = await withGpuFallback('auto', async (d) => d)
    expect(result).toEqual({ value: 'GPU', delegate: 'GPU' })
  })

  it('redoes the work on the CPU after a GPU failure and says why', async () => {
    const tried: Delegate[] = []
    const result = await withGpuFallback('GPU', async (delegate) => {
      tried.push(delegate)
      if (delegate === 'GPU') {
        throw new Error('WebGL context lost')
      }
      return 3
    })
    expect(tried).toEqual(['GPU', 'CPU'])
    expect(result).toEqual({
      value: 3,
      delegate: 'CPU',
      gpuFailure: 'WebGL context lost',
    })
  })

  it('never touches the GPU when the CPU was chosen', async () => {
    const tried: Delegate[] = []
    await withGpuFallback('CPU', async (delegate) => tried.push(delegate))
    expect(tried).toEqual(['CPU'])
  })

  it('throws a CPU failure as it is', async () => {
    await expect(
      withGpuFallback('auto', async () => {
        throw new Error('broken model')
      }),
    ).rejects.toThrow('broken model')
  })
})
