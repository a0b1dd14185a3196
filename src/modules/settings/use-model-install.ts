/**
 * The Models section's state: the installed list, the download running
 * (its progress and Cancel) and the last failure, over the model library.
 * A language model is installed only when the local engine's WebGPU check
 * passed, so nothing is downloaded that this device cannot run.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { GpuNeeds } from '../../../models/model-catalog'
import { fitsDevice } from '../../ai/local-engine'
import type {
  InstallProgress,
  InstallRequest,
  InstalledModel,
} from '../../ai/install-types'
import {
  install,
  listModels,
  onModelsChanged,
  remove,
} from '../../ai/model-library'
import { InstallError } from '../../ai/model-installer'
import { isAbort } from '../../ai/generation'
import { messageFor } from '../../core/errors'

/** A failure to show: the catalog's words and the figures behind them. */
export interface InstallFailure {
  message: string
  detail: string
}

/** Installed models, the running download and the actions on them. */
export function useModelInstall() {
  const [models, setModels] = useState<InstalledModel[]>([])
  const [progress, setProgress] = useState<InstallProgress | null>(null)
  const [running, setRunning] = useState<string | null>(null)
  const [failure, setFailure] = useState<InstallFailure | null>(null)
  const [done, setDone] = useState<InstalledModel | null>(null)
  const controller = useRef<AbortController | null>(null)

  useEffect(() => {
    const refresh = () => void listModels().then(setModels)
    refresh()
    return onModelsChanged(refresh)
  }, [])

  const start = useCallback(
    async (
      request: InstallRequest,
      file: Blob | null = null,
      needs: GpuNeeds | null = null,
    ) => {
      setFailure(null)
      setDone(null)
      if (request.kind === 'llm') {
        const verdict = await fitsDevice(needs)
        if (!verdict.usable) {
          setFailure({
            message: messageFor('webgpu_unavailable'),
            detail: verdict.reason,
          })
          return
        }
      }
      const abort = new AbortController()
      controller.current = abort
      setRunning(request.name)
      setProgress(null)
      try {
        setDone(await install(request, setProgress, abort.signal, file))
      } catch (error) {
        if (error instanceof InstallError) {
          setFailure({ message: messageFor(error.code), detail: error.detail })
        } else if (!isAbort(error)) {
          setFailure({
            message: messageFor('model_download_failed'),
            detail: String(error),
          })
        }
      } finally {
        controller.current = null
        setRunning(null)
      }
    },
    [],
  )

  const cancel = useCallback(() => controller.current?.abort(), [])
  const erase = useCallback((id: string) => void remove(id), [])

  return { models, progress, running, failure, done, start, cancel, erase }
}
