/**
 * The live camera: a preview with the faces outlined (or the person
 * tinted) on every answered frame, the frames per second and per-frame
 * latency, a Stop that releases the camera, and "Take photo", which hands
 * the current frame to the photo editor. Frames stay on the device.
 */
import { useEffect, useRef, useState } from 'react'
import { messageFor } from '../../core/errors'
import { createLogger } from '../../app/logger'
import type { FrameSummary } from '../../vision/frame-stats'
import { facesSummary } from '../../vision/results-text'
import { VisionError, type VisionClient } from '../../vision/vision-client'
import { closeCamera, openCamera, takePhoto } from './camera'
import { FrameLoop, type FrameResult, type LiveTask } from './frame-loop'
import { drawOverlay } from './live-overlay'

const log = createLogger('vision')

function statsLine(summary: FrameSummary): string {
  const fps = summary.fps === null ? '–' : summary.fps.toFixed(1)
  const latency =
    summary.latencyMs === null ? '–' : Math.round(summary.latencyMs)
  return `${fps} frames per second, ${latency} ms per frame`
}

function failureText(error: unknown): string {
  if (error instanceof VisionError) {
    return messageFor(error.code)
  }
  log.error('Live camera failed', error)
  return messageFor('model_load_failed')
}

/** The live camera panel; `onPhoto` gets a still taken from it. */
export function LiveCamera(props: {
  client: VisionClient
  onPhoto: (file: File) => void
}) {
  const { client, onPhoto } = props
  const video = useRef<HTMLVideoElement>(null)
  const overlay = useRef<HTMLCanvasElement>(null)
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [task, setTask] = useState<LiveTask>('faces')
  const [summary, setSummary] = useState<FrameSummary | null>(null)
  const [last, setLast] = useState<FrameResult | null>(null)
  // The loop reads the task per frame; a ref lets it change mid-stream.
  const taskRef = useRef(task)
  useEffect(() => {
    taskRef.current = task
  }, [task])

  useEffect(() => {
    const element = video.current
    if (!stream || !element) {
      return
    }
    element.srcObject = stream
    const loop = new FrameLoop(element, client, {
      task: () => taskRef.current,
      onFrame: (result, next) => {
        if (overlay.current) {
          overlay.current.width = element.videoWidth
          overlay.current.height = element.videoHeight
          drawOverlay(overlay.current, result)
        }
        setLast(result)
        setSummary(next)
      },
      onError: (failure) => setError(failureText(failure)),
    })
    const begin = () => loop.start()
    element.addEventListener('playing', begin, { once: true })
    void element.play().catch(() => undefined)
    return () => {
      loop.stop()
      element.removeEventListener('playing', begin)
      element.srcObject = null
      closeCamera(stream)
    }
  }, [client, stream])

  async function start() {
    setError(null)
    setStarting(true)
    try {
      setStream(await openCamera())
    } catch (failure) {
      setError(failureText(failure))
    } finally {
      setStarting(false)
    }
  }

  function stop() {
    setStream(null)
    setSummary(null)
    setLast(null)
  }

  async function capture() {
    if (video.current) {
      onPhoto(await takePhoto(video.current))
    }
  }

  return (
    <section className="live-camera" aria-labelledby="live-heading">
      <h2 id="live-heading">Live camera</h2>
      <div className="live-controls">
        {stream ? (
          <button type="button" onClick={stop}>
            Stop camera
          </button>
        ) : (
          <button
            type="button"
            disabled={starting}
            onClick={() => void start()}
          >
            Start camera
          </button>
        )}
        <label>
          Show{' '}
          <select
            value={task}
            onChange={(event) => setTask(event.target.value as LiveTask)}
          >
            <option value="faces">Faces</option>
            <option value="person">Person mask</option>
          </select>
        </label>
        <button
          type="button"
          disabled={!stream || !summary}
          onClick={() => void capture()}
        >
          Take photo
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {starting && (
        <p role="status">
          <progress aria-label="Opening the camera" /> Opening the camera…
        </p>
      )}
      {stream && !summary && !error && (
        <p role="status">
          <progress aria-label="Starting the live view" /> Starting the live
          view…
        </p>
      )}
      {stream && (
        <figure className="live-preview">
          <video ref={video} muted playsInline aria-label="Camera preview" />
          <canvas ref={overlay} aria-hidden="true" />
        </figure>
      )}
      {summary && (
        <p className="live-stats" aria-live="off">
          <span>{statsLine(summary)}</span>
          {last?.faces && <span> · {facesSummary(last.faces.length)}</span>}
        </p>
      )}
    </section>
  )
}
