/**
 * Sends live camera frames to the vision worker, one at a time. A frame
 * that arrives while the previous one is still being worked on is dropped
 * rather than queued, so the view never falls behind the camera and the
 * worker never has more than one frame. On the page's side a frame costs
 * only `createImageBitmap` (asynchronous) and a transfer, which keeps the
 * main thread free while MediaPipe runs.
 */
import { FrameStats, type FrameSummary } from '../../vision/frame-stats'
import type { Mask } from '../../vision/mask-compositing'
import type { VisionClient } from '../../vision/vision-client'
import type { FaceDetection } from '../../vision/vision-protocol'

/** What the live view looks for. */
export type LiveTask = 'faces' | 'person'

/** One answered frame. */
export interface FrameResult {
  faces: FaceDetection[] | null
  mask: Mask | null
}

/** Callbacks of a running loop. */
export interface FrameLoopEvents {
  /** Which task the next frame gets; read per frame, so it can change. */
  task: () => LiveTask
  onFrame: (result: FrameResult, summary: FrameSummary) => void
  onError: (error: unknown) => void
}

/** Runs frames from a playing video through the worker until stopped. */
export class FrameLoop {
  private running = false
  private inFlight = false
  private readonly stats = new FrameStats()

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly client: VisionClient,
    private readonly events: FrameLoopEvents,
  ) {}

  /** Start on the video's next frame. */
  start(): void {
    this.running = true
    this.next()
  }

  /** Stop; a frame in flight is answered but not shown. */
  stop(): void {
    this.running = false
  }

  private next(): void {
    if (!this.running) {
      return
    }
    // requestVideoFrameCallback fires once per new camera frame, not per
    // screen refresh, so no frame is sent twice.
    if ('requestVideoFrameCallback' in this.video) {
      this.video.requestVideoFrameCallback(() => this.frame())
    } else {
      requestAnimationFrame(() => this.frame())
    }
  }

  private frame(): void {
    if (!this.running) {
      return
    }
    if (this.inFlight) {
      this.stats.drop()
    } else {
      this.inFlight = true
      void this.send().finally(() => {
        this.inFlight = false
      })
    }
    this.next()
  }

  private async send(): Promise<void> {
    const sent = performance.now()
    try {
      const image = await createImageBitmap(this.video)
      const result: FrameResult =
        this.events.task() === 'faces'
          ? { faces: (await this.client.detectFaces(image)).faces, mask: null }
          : { faces: null, mask: (await this.client.segment(image)).mask }
      const done = performance.now()
      this.stats.add(done, done - sent)
      if (this.running) {
        this.events.onFrame(result, this.stats.summary())
      }
    } catch (error) {
      if (this.running) {
        this.running = false
        this.events.onError(error)
      }
    }
  }
}
