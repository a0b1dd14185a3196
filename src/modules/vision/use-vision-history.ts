/**
 * The user's vision history as React state, kept in step with IndexedDB:
 * adding or removing a result writes first, then reads the list again.
 */
import { useCallback, useEffect, useState } from 'react'
import { createLogger } from '../../app/logger'
import { VisionHistoryStore } from '../../db/vision-history'
import type { VisionResultRow } from '../../db/vision-rows'

const log = createLogger('vision')
const history = new VisionHistoryStore()

/** The user's results, newest first, with add and remove. */
export function useVisionHistory(userId: string) {
  const [results, setResults] = useState<VisionResultRow[] | null>(null)
  const [failed, setFailed] = useState(false)

  const reload = useCallback(
    () =>
      history.list(userId).then(setResults, (error: unknown) => {
        log.warn('The vision history could not be read', error)
        setFailed(true)
      }),
    [userId],
  )

  useEffect(() => {
    void reload()
  }, [reload])

  const add = useCallback(
    async (row: Omit<VisionResultRow, 'id' | 'userId'>) => {
      try {
        await history.add({ ...row, userId })
      } catch (error) {
        log.warn('A vision result was not kept', error)
        setFailed(true)
      }
      await reload()
    },
    [userId, reload],
  )

  const remove = useCallback(
    async (id: number) => {
      await history.remove(userId, id)
      await reload()
    },
    [userId, reload],
  )

  return { results, failed, add, remove }
}
