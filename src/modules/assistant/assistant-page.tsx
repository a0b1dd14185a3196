/**
 * The assistant module: the conversation list beside the open chat. The
 * answer comes from the response cache when it has one, otherwise from the
 * cloud model when the role allows it and the device is online; the engine
 * policy decides, with the on-device model when it is ready and the
 * user's engine choice allows it, and each answer says why.
 */
import { useCallback, useEffect, useState } from 'react'
import { useSession, useSessionStore } from '../../auth/session-context'
import { useOffline } from '../../app/offline-banner'
import { PageHeader } from '../../app/page-header'
import { PERMISSIONS } from '../../core/permissions'
import type { ConversationRow } from '../../db/assistant-rows'
import { ConversationStore } from '../../db/conversations'
import type { ApiCall } from '../../net/chat-stream'
import { ChatPanel } from './chat-panel'
import { ConversationList } from './conversation-list'
import type { ChatEnvironment } from './use-chat'
import { useCloudModel } from './use-cloud-model'
import { useEngineSetting } from '../settings/use-engine-setting'
import './assistant.css'

const conversations = new ConversationStore()

/** The `/assistant` route's component. */
export default function AssistantPage() {
  const state = useSession()
  const session = useSessionStore()
  const offline = useOffline()
  const call = useCallback<ApiCall>(
    (path, options) => session.request(path, options),
    [session],
  )
  const model = useCloudModel(call, !offline)
  const userId = state.status === 'signed-in' ? state.user.id : ''
  const [setting] = useEngineSetting(userId)
  const [list, setList] = useState<ConversationRow[]>([])
  // `opened` changes only when the user picks from the list, which remounts
  // the chat; a conversation the chat creates itself only moves `activeId`.
  const [opened, setOpened] = useState({ id: null as string | null, n: 0 })
  const [activeId, setActiveId] = useState<string | null>(null)

  const refresh = useCallback(() => {
    void conversations.list(userId).then(setList)
  }, [userId])
  useEffect(refresh, [refresh])

  if (state.status !== 'signed-in') {
    return null
  }

  const env: ChatEnvironment = {
    userId,
    model: model ?? 'unknown',
    online: !offline,
    cloudPermitted: state.user.permissions.includes(PERMISSIONS.assistantCloud),
    setting,
    call,
    onConversationCreated: (id) => {
      setActiveId(id)
      refresh()
    },
  }

  return (
    <section className="page assistant">
      <PageHeader module="assistant" />
      <div className="assistant-layout">
        <ConversationList
          conversations={list}
          openId={activeId}
          onOpen={(id) => {
            setActiveId(id)
            setOpened((last) => ({ id, n: last.n + 1 }))
          }}
        />
        <ChatPanel
          key={opened.n}
          conversationId={opened.id}
          env={env}
          ready={model !== null}
        />
      </div>
    </section>
  )
}
