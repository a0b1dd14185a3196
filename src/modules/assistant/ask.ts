/**
 * One question to the assistant, from the cache lookup to the stored
 * answer: cache-aside, the engine policy, the generation, then the cache
 * write and the metric. Framework-free; the chat hook calls it and renders
 * what it reports.
 */
import { cacheEngine } from '../../ai/cache-engine'
import { cacheKey } from '../../ai/cache-key'
import { cloudEngine } from '../../ai/cloud-engine'
import type { EngineId, Generation, GenerationSummary } from '../../ai/engine'
import {
  chooseEngine,
  type EngineSetting,
  type PolicyInput,
} from '../../ai/engine-policy'
import { decisionReason } from '../../ai/engine-reason'
import { localEngine, localProblem, prepareLocal } from '../../ai/local-engine'
import { isLocalEngineError } from '../../ai/local-engine-error'
import type { ErrorCode } from '../../core/errors'
import type { ChatMessage } from '../../core/protocol'
import { createLogger } from '../../app/logger'
import { MetricsStore } from '../../db/metrics'
import { ResponseCache } from '../../db/response-cache'
import type { ApiCall } from '../../net/chat-stream'
import { ApiRequestError } from '../../net/api-client'

const log = createLogger('assistant')
const cache = new ResponseCache()
const metrics = new MetricsStore()
// Engines that have answered since the page opened: the first answer of
// each is "cold" (connection set-up, model load), the rest "warm".
const warmEngines = new Set<EngineId>()

/** What the caller knows when asking. */
export interface AskInput {
  userId: string
  prompt: string
  context: ChatMessage[]
  model: string
  online: boolean
  cloudPermitted: boolean
  setting: EngineSetting
  bypassCache: boolean
  call: ApiCall
}

/** How asking ended. */
export type AskOutcome =
  | { kind: 'answered'; summary: GenerationSummary; text: string }
  | {
      kind: 'failed'
      code: ErrorCode
      retryAfterSeconds: number | null
      text: string
    }

/**
 * Ask once; `onStart` gets the generation (for Stop), the engine and why
 * it was chosen, `onToken` each piece.
 */
export async function ask(
  input: AskInput,
  onStart: (generation: Generation, engine: EngineId, reason: string) => void,
  onToken: (text: string) => void,
): Promise<AskOutcome> {
  const key = await cacheKey({
    prompt: input.prompt,
    context: input.context,
    model: input.model,
    params: {},
  })
  const hit = input.bypassCache ? null : await lookup(input.userId, key)
  // Loading the model is the local engine's cold start; skip it when the
  // cache answers or the setting rules the device out.
  const mayUseLocal = input.setting !== 'cloud-only' && hit === null
  const policyInput: PolicyInput = {
    online: input.online,
    cloudPermitted: input.cloudPermitted,
    localReady: mayUseLocal && (await prepareLocal()),
    setting: input.setting,
    cacheHit: hit !== null,
    bypassCache: input.bypassCache,
  }
  const decision = chooseEngine(policyInput)
  if ('refused' in decision) {
    return {
      kind: 'failed',
      code: decision.refused,
      retryAfterSeconds: null,
      text: '',
    }
  }

  const engine =
    decision.engine === 'cache' && hit
      ? cacheEngine(hit)
      : decision.engine === 'local'
        ? localEngine
        : cloudEngine(input.call)
  const generation = engine.generate({
    requestId: crypto.randomUUID(),
    messages: [...input.context, { role: 'user', content: input.prompt }],
  })
  onStart(
    generation,
    engine.id,
    decisionReason(policyInput, engine.id, localProblem()),
  )

  const startedAt = performance.now()
  let firstTokenMs: number | null = null
  let tokenCount = 0
  let text = ''
  for await (const token of generation.tokens) {
    firstTokenMs ??= performance.now() - startedAt
    tokenCount++
    text += token
    onToken(token)
  }
  try {
    const summary = await generation.summary
    await record(input.userId, {
      engine: summary.engine,
      firstTokenMs: summary.firstTokenMs,
      totalMs: summary.totalMs,
      tokens: summary.tokens,
      failed: false,
    })
    if (summary.engine !== 'cache' && summary.finishReason === 'stop') {
      await store(input.userId, key, text, input.prompt, summary.model)
    }
    return { kind: 'answered', summary, text }
  } catch (error) {
    // A failed generation is measured too: analytics would otherwise show
    // only the engines' good days.
    await record(input.userId, {
      engine: engine.id,
      firstTokenMs,
      totalMs: performance.now() - startedAt,
      tokens: tokenCount,
      failed: true,
    })
    if (isLocalEngineError(error)) {
      return { kind: 'failed', code: error.code, retryAfterSeconds: null, text }
    }
    const failure =
      error instanceof ApiRequestError
        ? error
        : new ApiRequestError('server_error', 0)
    return {
      kind: 'failed',
      code: failure.code,
      retryAfterSeconds: failure.retryAfterSeconds,
      text,
    }
  }
}

async function lookup(userId: string, key: string) {
  try {
    return await cache.get(userId, key)
  } catch (error) {
    // A broken cache must not stop the assistant: ask an engine instead.
    log.warn('the response cache could not be read', error)
    return null
  }
}

async function store(
  userId: string,
  key: string,
  answer: string,
  prompt: string,
  model: string,
) {
  try {
    await cache.put(userId, key, { answer, prompt, model })
  } catch (error) {
    log.warn('the answer could not be cached', error)
  }
}

/** What one generation measured, answered or failed. */
interface Figures {
  engine: EngineId
  firstTokenMs: number | null
  totalMs: number
  tokens: number
  failed: boolean
}

async function record(userId: string, figures: Figures) {
  const warmth = warmEngines.has(figures.engine) ? 'warm' : 'cold'
  warmEngines.add(figures.engine)
  try {
    await metrics.record({
      userId,
      at: Date.now(),
      engine: figures.engine,
      warmth,
      firstTokenMs: figures.firstTokenMs,
      totalMs: figures.totalMs,
      tokens: figures.tokens,
      cacheHit: figures.engine === 'cache',
      failed: figures.failed,
    })
  } catch (error) {
    log.warn('the metric could not be recorded', error)
  }
}
