/**
 * Whether the WebGPU adapter can run a model: a pure judgement over what
 * the worker read from `navigator.gpu`, so each reason ("no adapter",
 * "buffers too small", "no shader-f16") is tested without a GPU.
 */
import type { GpuNeeds } from '../../models/model-catalog'

/** What the worker found out about WebGPU. */
export interface AdapterFacts {
  /** `navigator.gpu` exists. */
  hasGpu: boolean
  adapter: {
    description: string
    maxBufferSize: number
    maxStorageBufferBindingSize: number
    shaderF16: boolean
  } | null
}

/** The verdict, with the adapter's name or the reason it cannot run. */
export type Capability =
  { usable: true; adapter: string } | { usable: false; reason: string }

/**
 * What any language model needs when its own needs are not known: 128 MiB
 * for the largest buffer and binding is below what 1B-parameter 4-bit
 * models allocate per weight tensor.
 */
export const DEFAULT_GPU_NEEDS: GpuNeeds = {
  maxBufferSize: 128 * 1024 * 1024,
  maxStorageBufferBindingSize: 128 * 1024 * 1024,
  shaderF16: false,
}

const MIB = 1024 * 1024

/** Judge the adapter against a model's needs. */
export function judgeAdapter(
  facts: AdapterFacts,
  needs: GpuNeeds = DEFAULT_GPU_NEEDS,
): Capability {
  if (!facts.hasGpu) {
    return { usable: false, reason: 'this browser has no WebGPU' }
  }
  const adapter = facts.adapter
  if (!adapter) {
    return { usable: false, reason: 'no WebGPU adapter' }
  }
  if (adapter.maxBufferSize < needs.maxBufferSize) {
    return {
      usable: false,
      reason: `GPU buffers are limited to ${Math.floor(adapter.maxBufferSize / MIB)} MiB, the model needs ${Math.ceil(needs.maxBufferSize / MIB)} MiB`,
    }
  }
  if (adapter.maxStorageBufferBindingSize < needs.maxStorageBufferBindingSize) {
    return {
      usable: false,
      reason: `GPU storage bindings are limited to ${Math.floor(adapter.maxStorageBufferBindingSize / MIB)} MiB, the model needs ${Math.ceil(needs.maxStorageBufferBindingSize / MIB)} MiB`,
    }
  }
  if (needs.shaderF16 && !adapter.shaderF16) {
    return {
      usable: false,
      reason: 'the GPU has no shader-f16, which this model needs',
    }
  }
  return { usable: true, adapter: adapter.description || 'WebGPU adapter' }
}
