/**
 * The signed-in user's engine choice as React state: read from the
 * device once, written back on change. Shared by Settings and the
 * assistant.
 */
import { useCallback, useEffect, useState } from 'react'
import type { EngineSetting } from '../../ai/engine-policy'
import { readEngineSetting, writeEngineSetting } from '../../db/engine-setting'

/** The choice (Auto until read) and a setter that keeps it. */
export function useEngineSetting(userId: string) {
  const [setting, setSetting] = useState<EngineSetting>('auto')

  useEffect(() => {
    let live = true
    void readEngineSetting(userId).then((value) => live && setSetting(value))
    return () => {
      live = false
    }
  }, [userId])

  const change = useCallback(
    (next: EngineSetting) => {
      setSetting(next)
      void writeEngineSetting(userId, next)
    },
    [userId],
  )

  return [setting, change] as const
}
