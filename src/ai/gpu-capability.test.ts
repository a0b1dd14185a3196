import { describe, expect, it } from 'vitest'
import { judgeAdapter, type AdapterFacts } from './gpu-capability'
import { localErrorCode } from './llm-errors'

const adapter = {
  description: 'SwiftShader',
  maxBufferSize: 2 ** 31,
  maxStorageBufferBindingSize: 2 ** 30,
  shaderF16: false,
}
const swiftShader: AdapterFacts = { hasGpu: true, adapter }

const needs = {
  maxBufferSize: 2 ** 28,
  maxStorageBufferBindingSize: 2 ** 27,
  shaderF16: false,
}

describe('judgeAdapter', () => {
  it('accepts an adapter whose limits cover the model', () => {
    expect(judgeAdapter(swiftShader, needs)).toEqual({
      usable: true,
      adapter: 'SwiftShader',
    })
  })

  it('says when the browser has no WebGPU or no adapter', () => {
    expect(judgeAdapter({ hasGpu: false, adapter: null })).toMatchObject({
      reason: 'this browser has no WebGPU',
    })
    expect(judgeAdapter({ hasGpu: true, adapter: null })).toMatchObject({
      reason: 'no WebGPU adapter',
    })
  })

  it('names the limit that is too small, with both figures', () => {
    const small = {
      ...swiftShader,
      adapter: {
        ...adapter,
        maxStorageBufferBindingSize: 2 ** 26,
      },
    }
    expect(judgeAdapter(small, needs)).toMatchObject({
      reason:
        'GPU storage bindings are limited to 64 MiB, the model needs 128 MiB',
    })
  })

  it('refuses a model that needs shader-f16 on an adapter without it', () => {
    expect(
      judgeAdapter(swiftShader, { ...needs, shaderF16: true }),
    ).toMatchObject({
      usable: false,
    })
  })
})

describe('localErrorCode', () => {
  it.each([
    ['No model format matched.', 'model_invalid'],
    [
      'Unable to request adapter from navigator.gpu; Ensure WebGPU is enabled.',
      'webgpu_unavailable',
    ],
    ['GPU device was lost', 'device_lost'],
    ['Aborted(OOM)', 'model_out_of_memory'],
    ['something else', 'model_load_failed'],
  ])('maps %j to %s', (message, code) => {
    expect(localErrorCode(message)).toBe(code)
  })
})
