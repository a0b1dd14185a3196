/**
 * The local engine's worker: the only code that touches MediaPipe GenAI.
 * It reads the adapter's facts before anything is downloaded or loaded,
 * loads a model from the model store through a stream reader (never one
 * whole-file buffer), and streams each answer back token by token.
 *
 * The build makes this a classic worker; the dev server only serves module
 * workers, which need MediaPipe's module loader ("ModuleFactory not set."
 * otherwise), hence the `import.meta.env.DEV` switch.
 */
/// <reference lib="webworker" />
import { FilesetResolver, LlmInference } from '@mediapipe/tasks-genai'
import { TASKS_GENAI_RUNTIME } from '../core/genai-runtime'
import { openModelReader } from '../db/model-files'
import { fitPrompt } from './chat-template'
import { judgeAdapter, type AdapterFacts } from './gpu-capability'
import { localErrorCode } from './llm-errors'
import type { LlmReply, LlmRequest } from './llm-protocol'

declare const self: DedicatedWorkerGlobalScope

let llm: LlmInference | null = null
let contextTokens = 0

function post(message: LlmReply) {
  self.postMessage(message)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function adapterFacts(): Promise<AdapterFacts> {
  const gpu = (self.navigator as Navigator & { gpu?: GPU }).gpu
  if (!gpu) {
    return { hasGpu: false, adapter: null }
  }
  const adapter = await gpu.requestAdapter().catch(() => null)
  if (!adapter) {
    return { hasGpu: true, adapter: null }
  }
  const info = adapter.info
  return {
    hasGpu: true,
    adapter: {
      description:
        [info.vendor, info.architecture, info.description]
          .filter(Boolean)
          .join(' ') || 'WebGPU adapter',
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      shaderF16: adapter.features.has('shader-f16'),
    },
  }
}

async function load(request: Extract<LlmRequest, { type: 'load' }>) {
  const started = performance.now()
  const verdict = judgeAdapter(await adapterFacts(), request.needs ?? undefined)
  if (!verdict.usable) {
    post({
      type: 'load-failed',
      code: 'webgpu_unavailable',
      detail: verdict.reason,
    })
    return
  }
  try {
    llm?.close()
    llm = null
    const fileset = await FilesetResolver.forGenAiTasks(
      TASKS_GENAI_RUNTIME,
      import.meta.env.DEV,
    )
    const reader = await openModelReader(request.file)
    llm = await LlmInference.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: reader },
      maxTokens: request.contextTokens,
    })
    contextTokens = request.contextTokens
    post({ type: 'loaded', loadMs: performance.now() - started })
  } catch (error) {
    const detail = messageOf(error)
    post({ type: 'load-failed', code: localErrorCode(detail), detail })
  }
}

async function generate(request: Extract<LlmRequest, { type: 'generate' }>) {
  const engine = llm
  if (!engine) {
    post({
      type: 'failed',
      id: request.id,
      code: 'model_load_failed',
      detail: 'no model loaded',
    })
    return
  }
  // The engine's own tokenizer decides what fits; a rough count by length
  // stands in only if it cannot say.
  const count = (text: string) =>
    engine.sizeInTokens(text) ?? Math.ceil(text.length / 3)
  const prompt = fitPrompt(
    request.messages,
    count,
    contextTokens - request.answerTokens,
  )
  try {
    await engine.generateResponse(prompt.text, (partial) => {
      if (partial) post({ type: 'token', id: request.id, text: partial })
    })
    post({
      type: 'done',
      id: request.id,
      droppedMessages: prompt.droppedMessages,
      promptTokens: prompt.tokens,
    })
  } catch (error) {
    const detail = messageOf(error)
    post({
      type: 'failed',
      id: request.id,
      code: localErrorCode(detail),
      detail,
    })
  }
}

self.addEventListener('message', (event: MessageEvent<LlmRequest>) => {
  const request = event.data
  if (request.type === 'check') {
    void adapterFacts().then((facts) => post({ type: 'checked', facts }))
  } else if (request.type === 'load') {
    void load(request)
  } else if (request.type === 'generate') {
    void generate(request)
  } else {
    llm?.cancelProcessing()
  }
})
