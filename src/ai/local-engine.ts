/**
 * The local engine on the page side: it owns the worker, knows whether the
 * device can run a model (checked in the worker before anything is
 * downloaded), loads the newest installed language model on first use
 * with its own timeout, and answers generations through the Engine
 * interface. Its status feeds the Settings and dashboard line and the
 * engine policy's `localReady`.
 */
import { MODEL_CATALOG, type GpuNeeds } from '../../models/model-catalog'
import { createLlmWorker } from './create-llm-worker'
import type { Engine, GenerationRequest } from './engine'
import { createGeneration } from './generation'
import {
  judgeAdapter,
  type AdapterFacts,
  type Capability,
} from './gpu-capability'
import type { LocalErrorCode } from './llm-errors'
import type { LlmReply, LlmRequest } from './llm-protocol'
import { LOCAL_PROBLEMS, LocalEngineError } from './local-engine-error'
import { listModels } from './model-library'

/** What the local engine can do right now. */
export type LocalStatus =
  | { state: 'checking' }
  | { state: 'unavailable'; reason: string }
  | {
      state: 'available'
      adapter: string
      loading: boolean
      /** Why the installed model did not load, when it did not. */
      loadError: { code: LocalErrorCode; detail: string } | null
    }
  | { state: 'ready'; adapter: string; model: string; loadMs: number }

// A valid TFLite file that is not a language model never settles, so a
// load gets this long; a 1B 4-bit model loads in well under it on a
// laptop GPU, and a phone may need most of it.
const LOAD_TIMEOUT_MS = 180_000
const CONTEXT_TOKENS = 2048
const ANSWER_TOKENS = 512

let worker: Worker | null = null
let status: LocalStatus = { state: 'checking' }
let checking: Promise<LocalStatus> | null = null
let loading: Promise<boolean> | null = null
// The model file last tried, so a file that failed is not loaded again.
let lastTried: string | null = null
let lastFacts: AdapterFacts | null = null
const listeners = new Set<(status: LocalStatus) => void>()
const handlers = new Set<(reply: LlmReply) => void>()

function setStatus(next: LocalStatus) {
  status = next
  for (const listener of listeners) listener(next)
}

function send(request: LlmRequest) {
  if (!worker) {
    worker = createLlmWorker()
    worker.addEventListener('message', (event: MessageEvent<LlmReply>) => {
      for (const handler of [...handlers]) handler(event.data)
    })
  }
  worker.postMessage(request)
}

function reply<T extends LlmReply['type']>(
  types: T[],
  timeoutMs: number | null = null,
): Promise<Extract<LlmReply, { type: T }> | null> {
  return new Promise((resolve) => {
    const timer =
      timeoutMs === null ? null : setTimeout(() => done(null), timeoutMs)
    const handler = (message: LlmReply) => {
      if ((types as string[]).includes(message.type)) {
        done(message as Extract<LlmReply, { type: T }>)
      }
    }
    function done(value: Extract<LlmReply, { type: T }> | null) {
      if (timer !== null) clearTimeout(timer)
      handlers.delete(handler)
      resolve(value)
    }
    handlers.add(handler)
  })
}

/** Unload: the worker and everything in it go. */
function unload() {
  worker?.terminate()
  worker = null
}

/** The current status, and `listener` told of every change. */
export function watchLocalStatus(
  listener: (status: LocalStatus) => void,
): () => void {
  listeners.add(listener)
  listener(status)
  return () => listeners.delete(listener)
}

/** Ask the worker what WebGPU offers; once per page. */
export function checkLocal(): Promise<LocalStatus> {
  checking ??= (async () => {
    const answer = reply(['checked'])
    send({ type: 'check' })
    const facts = (await answer)?.facts ?? { hasGpu: false, adapter: null }
    lastFacts = facts
    const verdict = judgeAdapter(facts)
    setStatus(
      verdict.usable
        ? {
            state: 'available',
            adapter: verdict.adapter,
            loading: false,
            loadError: null,
          }
        : { state: 'unavailable', reason: verdict.reason },
    )
    return status
  })()
  return checking
}

/**
 * Load the newest installed language model unless one is loaded; true
 * when the engine can answer. A model that failed to load is not tried
 * again until the page reloads or another model is installed.
 */
export function prepareLocal(): Promise<boolean> {
  loading ??= load().finally(() => {
    loading = null
  })
  return loading
}

async function load(): Promise<boolean> {
  const current = await checkLocal()
  if (status.state === 'ready') return true
  if (current.state !== 'available' || status.state !== 'available')
    return false
  const model = (await listModels()).find((entry) => entry.kind === 'llm')
  const failedBefore = status.loadError !== null && lastTried === model?.file
  if (!model || failedBefore) return false
  lastTried = model.file
  const adapter = status.adapter
  setStatus({ state: 'available', adapter, loading: true, loadError: null })

  const needs =
    MODEL_CATALOG.find((entry) => entry.id === model.id)?.gpu ?? null
  const answer = reply(['loaded', 'load-failed'], LOAD_TIMEOUT_MS)
  send({ type: 'load', file: model.file, needs, contextTokens: CONTEXT_TOKENS })
  const result = await answer
  if (result?.type === 'loaded') {
    setStatus({
      state: 'ready',
      adapter,
      model: model.name,
      loadMs: result.loadMs,
    })
    return true
  }
  if (result === null) unload()
  const loadError =
    result === null
      ? {
          code: 'model_load_timeout' as const,
          detail: `no answer in ${LOAD_TIMEOUT_MS / 1000} s`,
        }
      : { code: result.code, detail: result.detail }
  setStatus({ state: 'available', adapter, loading: false, loadError })
  return false
}
/** The local engine; call only after `prepareLocal` resolved true. */
export const localEngine: Engine = {
  id: 'local',
  generate(request: GenerationRequest) {
    const model = status.state === 'ready' ? status.model : 'local'
    return createGeneration('local', async (push, signal) => {
      const id = request.requestId
      const ended = new Promise<Extract<LlmReply, { type: 'done' | 'failed' }>>(
        (resolve) => {
          const handler = (message: LlmReply) => {
            if (!('id' in message) || message.id !== id) return
            if (message.type === 'token') push(message.text)
            if (message.type === 'done' || message.type === 'failed') {
              handlers.delete(handler)
              resolve(message)
            }
          }
          handlers.add(handler)
        },
      )
      signal.addEventListener('abort', () => send({ type: 'cancel', id }), {
        once: true,
      })
      send({
        type: 'generate',
        id,
        messages: request.messages,
        answerTokens: ANSWER_TOKENS,
      })
      const end = await ended
      if (end.type === 'failed') {
        if (end.code === 'device_lost') {
          // After a device loss the GPU state is gone: unload, and let the
          // policy use other engines until the page is reloaded.
          unload()
          setStatus({
            state: 'unavailable',
            reason: 'the graphics device was lost',
          })
        }
        throw new LocalEngineError(end.code, end.detail)
      }
      return { model, finishReason: 'stop' }
    })
  },
}

/** Why the device cannot answer now, in a few words; null when it can. */
export function localProblem(): string | null {
  if (status.state === 'ready') return null
  if (status.state === 'unavailable') return status.reason
  if (status.state === 'checking') return 'WebGPU is still being checked'
  if (status.loadError) return LOCAL_PROBLEMS[status.loadError.code]
  return 'no language model is installed'
}

/**
 * Whether this device's adapter meets a model's needs, from the worker's
 * check (run first if it has not been); asked before a download starts.
 */
export async function fitsDevice(needs: GpuNeeds | null): Promise<Capability> {
  await checkLocal()
  return judgeAdapter(
    lastFacts ?? { hasGpu: false, adapter: null },
    needs ?? undefined,
  )
}
