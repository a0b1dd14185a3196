/**
 * The name of the cloud model, which cache keys include. Online it is asked
 * of the server and kept on the device; offline the kept name is used, so a
 * cached answer is still found.
 */
import { useEffect, useState } from 'react'
import type { AiStatusResponse } from '../../core/protocol'
import { SettingsStore } from '../../db/settings-store'
import type { ApiCall } from '../../net/chat-stream'

const settings = new SettingsStore()
const MODEL_KEY = 'cloud-model'

/** Null until known; 'unknown' when the server has never said. */
export function useCloudModel(call: ApiCall, online: boolean): string | null {
  const [model, setModel] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    async function load() {
      const kept = await settings.get(MODEL_KEY).catch(() => null)
      if (current && kept) setModel(kept)
      if (!online) {
        if (current && !kept) setModel('unknown')
        return
      }
      try {
        const status = await call<AiStatusResponse>('ai/status')
        const name = status.cloud.model ?? 'unknown'
        if (current) setModel(name)
        await settings.set(MODEL_KEY, name)
      } catch {
        if (current && !kept) setModel('unknown')
      }
    }
    void load()
    return () => {
      current = false
    }
  }, [call, online])

  return model
}
