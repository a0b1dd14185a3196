/**
 * The vision worker for as long as the vision page is open, and its status
 * as React state. Leaving the page closes the MediaPipe tasks and stops the
 * worker, which frees the model memory and the GPU context.
 */
import { useEffect, useState } from 'react'
import { createVisionClient } from '../../vision/create-vision-worker'
import type { VisionClient } from '../../vision/vision-client'
import type { VisionStatus } from '../../vision/vision-protocol'

const IDLE: VisionStatus = {
  type: 'status',
  loading: null,
  delegate: null,
  gpuFailure: null,
}

/** The page's vision client (null until mounted) and the worker status. */
export function useVisionClient(): {
  client: VisionClient | null
  status: VisionStatus
} {
  const [client, setClient] = useState<VisionClient | null>(null)
  const [status, setStatus] = useState<VisionStatus>(IDLE)

  useEffect(() => {
    const created = createVisionClient()
    // The worker announces itself once its script has run; only then is
    // it worth offering the photo picker.
    const stop = created.onStatus((next) => {
      setClient(created)
      setStatus(next)
    })
    return () => {
      stop()
      void created.dispose()
    }
  }, [])

  return { client, status }
}
