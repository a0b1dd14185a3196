/**
 * The page's side of the vision worker: one promise per request, status
 * updates to listeners, and a clean shutdown that lets the worker close its
 * MediaPipe tasks before it is terminated.
 */
import type { ErrorCode } from '../core/errors'
import type {
  DelegateChoice,
  FaceDetection,
  RunInfo,
  VisionMessage,
  VisionRequest,
  VisionStatus,
} from './vision-protocol'
import type { ImageClass, ObjectDetection } from './installed-tasks'
import type { Mask } from './mask-compositing'

/** A request the worker refused, with the code to show the user. */
export class VisionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'VisionError'
  }
}

type Reply = Extract<VisionMessage, { id: number }>
type Pending = { resolve: (reply: Reply) => void; reject: (e: Error) => void }
type Distribute<T> = T extends { id: number } ? Omit<T, 'id'> : never

/** Talks to one vision worker. */
export class VisionClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Set<(status: VisionStatus) => void>()
  private readonly runListeners = new Set<(run: RunInfo) => void>()

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<VisionMessage>) => {
      const message = event.data
      if (message.type === 'status') {
        this.listeners.forEach((listener) => listener(message))
        return
      }
      const waiting = this.pending.get(message.id)
      this.pending.delete(message.id)
      if ('run' in message) {
        const run = message.run
        this.runListeners.forEach((listener) => listener(run))
      }
      if (message.type === 'failed') {
        waiting?.reject(new VisionError(message.code, message.detail))
      } else {
        waiting?.resolve(message)
      }
    }
  }

  private send(
    request: Distribute<VisionRequest>,
    transfer: Transferable[] = [],
  ): Promise<Reply> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...request, id }, transfer)
    })
  }

  /** Be told what the worker is loading and which delegate it uses. */
  onStatus(listener: (status: VisionStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Be told how every run went (task, delegate, cold or warm, time). */
  onRun(listener: (run: RunInfo) => void): () => void {
    this.runListeners.add(listener)
    return () => this.runListeners.delete(listener)
  }

  /** Find faces; the bitmap is transferred and closed by the worker. */
  async detectFaces(
    image: ImageBitmap,
  ): Promise<{ faces: FaceDetection[]; run: RunInfo }> {
    const reply = await this.send({ type: 'detect-faces', image }, [image])
    if (reply.type !== 'faces') {
      throw new Error(`Unexpected reply ${reply.type}`)
    }
    return { faces: reply.faces, run: reply.run }
  }

  /** Segment the person; the bitmap is transferred and closed. */
  async segment(
    image: ImageBitmap,
  ): Promise<{ mask: Mask; personShare: number; run: RunInfo }> {
    const reply = await this.send({ type: 'segment', image }, [image])
    if (reply.type !== 'mask') {
      throw new Error(`Unexpected reply ${reply.type}`)
    }
    const { width, height, data, personShare } = reply
    return { mask: { width, height, data }, personShare, run: reply.run }
  }

  /** Detect objects with an installed model; the bitmap is transferred. */
  async detectObjects(
    image: ImageBitmap,
    file: string,
  ): Promise<ObjectDetection[]> {
    const reply = await this.send({ type: 'detect-objects', image, file }, [
      image,
    ])
    if (reply.type !== 'objects') {
      throw new Error(`Unexpected reply ${reply.type}`)
    }
    return reply.objects
  }

  /** Classify with an installed model; the bitmap is transferred. */
  async classify(image: ImageBitmap, file: string): Promise<ImageClass[]> {
    const reply = await this.send({ type: 'classify', image, file }, [image])
    if (reply.type !== 'classes') {
      throw new Error(`Unexpected reply ${reply.type}`)
    }
    return reply.classes
  }

  /** Use another delegate from the next run on. */
  async setDelegate(choice: DelegateChoice): Promise<void> {
    await this.send({ type: 'set-delegate', choice })
  }

  /** Close the MediaPipe tasks, then stop the worker. */
  async dispose(): Promise<void> {
    try {
      await this.send({ type: 'dispose' })
    } finally {
      this.worker.terminate()
      for (const waiting of this.pending.values()) {
        waiting.reject(new Error('The vision worker was stopped.'))
      }
      this.pending.clear()
    }
  }
}
