/**
 * The cloud engine's API. `POST /api/ai/chat` answers `text/event-stream`,
 * relaying the configured upstream; `DELETE /api/ai/chat/:requestId` stops
 * it at once; `GET /api/ai/status` says whether there is an upstream.
 *
 * A stream is authorised once, when it begins: an access token that expires
 * while it runs does not cut it. A resume is a new request and is checked
 * again, so a user whose access was revoked cannot reattach.
 */
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { PERMISSIONS } from '../../core/permissions'
import {
  chatRequestSchema,
  type AiStatusResponse,
  type ChatRequest,
} from '../../core/protocol'
import { parseLastEventId } from '../ai/sse-frame'
import { sseResponse } from '../ai/sse-response'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/app-env'
import { callerOf, needs, route } from '../http/access'
import { readBody } from '../http/read-body'

/** The path, under `/api`, whose body limit is its own, not the general one. */
export const CHAT_PATH = '/ai/chat'

/** Whether a request path takes the chat route's own body limit. */
export function hasOwnBodyLimit(path: string): boolean {
  return path === `/api${CHAT_PATH}`
}

/** Mount the assistant's routes on the `/api` app. */
export function mountAiRoutes(api: Hono<AppEnv>, maxBodyBytes: number): void {
  api.use(
    CHAT_PATH,
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large')
      },
    }),
  )

  route(api, 'GET', '/ai/status', needs(PERMISSIONS.assistantUse), (c) => {
    const llm = c.var.services.config.llm
    const body: AiStatusResponse = {
      cloud: { configured: llm !== null, model: llm?.model ?? null },
    }
    return c.json(body)
  })

  route(api, 'POST', CHAT_PATH, needs(PERMISSIONS.assistantCloud), chat)

  route(
    api,
    'DELETE',
    `${CHAT_PATH}/:requestId`,
    needs(PERMISSIONS.assistantCloud),
    (c) => {
      const { user } = callerOf(c)
      const requestId = c.req.param('requestId') ?? ''
      if (!c.var.services.ai.hub.stop(user.id, requestId)) {
        throw new ApiError(404, 'not_found')
      }
      return c.body(null, 204)
    },
  )
}

async function chat(c: Context<AppEnv>): Promise<Response> {
  const { services } = c.var
  const { config, ai } = services
  const { user } = callerOf(c)
  if (!ai.upstream || !config.llm) {
    throw new ApiError(503, 'cloud_unavailable')
  }
  const body = await readBody(c, chatRequestSchema)
  const model = config.llm.model
  if (body.model !== undefined && body.model !== model) {
    // One configured model only: letting a caller name any model of a
    // hosted API would let them choose what the deployment pays for.
    throw new ApiError(400, 'invalid_request', {
      fields: [{ path: 'model', message: `This server offers ${model}.` }],
    })
  }
  const lastEventId = parseLastEventId(c.req.header('last-event-id'))
  const heartbeatMs = config.sseHeartbeatSeconds * 1000

  const existing = ai.hub.get(user.id, body.requestId)
  if (existing) {
    return sseResponse(existing, lastEventId, heartbeatMs)
  }
  if (lastEventId !== null) {
    // The generation is gone (finished long ago, or abandoned): starting it
    // again would give a different answer than the part already shown.
    throw new ApiError(410, 'generation_gone')
  }

  const refusal = ai.limits.acquire(user.id)
  if (refusal) {
    throw new ApiError(429, refusal.code, {
      retryAfterSeconds: refusal.retryAfterSeconds,
    })
  }

  services.audit.record({
    actorId: user.id,
    actor: user.username,
    action: 'assistant.cloud_used',
    target: model,
    outcome: 'success',
    address: c.var.clientAddress,
    // Only what was used, never what was asked.
    detail: { model, messages: body.messages.length },
  })
  const generation = ai.hub.start(user.id, body.requestId, {
    model,
    upstream: ai.upstream.for(upstreamRequest(body, model)),
    onEnd: () => ai.limits.release(user.id),
  })
  return sseResponse(generation, null, heartbeatMs)
}

function upstreamRequest(body: ChatRequest, model: string) {
  return {
    messages: body.messages,
    model,
    temperature: body.temperature,
    maxTokens: body.maxTokens,
  }
}
