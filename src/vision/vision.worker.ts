/**
 * The vision worker: the only code that touches MediaPipe Tasks. It loads
 * the runtime from our own origin, the shipped models after checking their
 * SHA-256, models the user installed from the Origin Private File System
 * (installed-runs.ts), and answers the page with plain data (protocol in
 * vision-protocol.ts). Requests are handled one at a time, in order.
 *
 * The build makes this a classic worker, where MediaPipe loads its wasm
 * glue with importScripts; Vite's dev server only serves module workers,
 * which need MediaPipe's module loader instead ("ModuleFactory not set."
 * otherwise), hence the `import.meta.env.DEV` switch below.
 */
/// <reference lib="webworker" />
import {
  FaceDetector,
  FilesetResolver,
  ImageSegmenter,
} from '@mediapipe/tasks-vision'
import { TASKS_VISION_RUNTIME, type VisionTask } from '../core/model-manifest'
import {
  ModelFetchError,
  fetchModelManifest,
  fetchVerifiedModel,
} from '../net/model-fetch'
import { withGpuFallback } from './gpu-fallback'
import { personFraction } from './mask-compositing'
import {
  InvalidModelError,
  closeInstalledTasks,
  runInstalled,
} from './installed-runs'
import type {
  Delegate,
  DelegateChoice,
  VisionMessage,
  VisionReply,
  VisionRequest,
} from './vision-protocol'
import { runFaces, runSegmentation } from './vision-runs'

declare const self: DedicatedWorkerGlobalScope

type TaskInstance = FaceDetector | ImageSegmenter

const MODEL_FOR_TASK: Record<VisionTask, string> = {
  'face-detection': 'face-detection-short-range',
  segmentation: 'selfie-segmentation',
}

let choice: DelegateChoice = 'auto'
let fileset: ReturnType<typeof FilesetResolver.forVisionTasks> | null = null
const models = new Map<VisionTask, Uint8Array>()
const tasks = new Map<VisionTask, { task: TaskInstance; delegate: Delegate }>()

function post(message: VisionMessage, transfer: Transferable[] = []) {
  self.postMessage(message, transfer)
}

async function modelBytes(task: VisionTask): Promise<Uint8Array> {
  const known = models.get(task)
  if (known) {
    return known
  }
  const manifest = await fetchModelManifest()
  const entry = manifest.models.find((m) => m.id === MODEL_FOR_TASK[task])
  if (!entry) {
    throw new ModelFetchError('model_load_failed', `No ${task} model shipped.`)
  }
  const bytes = await fetchVerifiedModel(entry)
  models.set(task, bytes)
  return bytes
}

async function create(task: VisionTask, delegate: Delegate) {
  fileset ??= FilesetResolver.forVisionTasks(
    TASKS_VISION_RUNTIME,
    import.meta.env.DEV,
  )
  const baseOptions = { modelAssetBuffer: await modelBytes(task), delegate }
  return task === 'face-detection'
    ? FaceDetector.createFromOptions(await fileset, {
        baseOptions,
        runningMode: 'IMAGE',
      })
    : ImageSegmenter.createFromOptions(await fileset, {
        baseOptions,
        runningMode: 'IMAGE',
        outputConfidenceMasks: true,
        outputCategoryMask: false,
      })
}

function drop(task: VisionTask) {
  tasks.get(task)?.task.close()
  tasks.delete(task)
}

/** Run one task on an image, loading it first and falling back to CPU. */
async function run(task: VisionTask, image: ImageBitmap, id: number) {
  const started = performance.now()
  const cold = !tasks.has(task)
  const result = await withGpuFallback(
    tasks.get(task)?.delegate ?? choice,
    async (delegate) => {
      let entry = tasks.get(task)
      if (entry?.delegate !== delegate) {
        drop(task)
        post({ type: 'status', loading: task, delegate, gpuFailure: null })
        entry = { task: await create(task, delegate), delegate }
        tasks.set(task, entry)
      }
      try {
        return task === 'face-detection'
          ? runFaces(entry.task as FaceDetector, image)
          : runSegmentation(entry.task as ImageSegmenter, image)
      } catch (error) {
        // A GPU failure mid-run leaves the task unusable: rebuild it.
        drop(task)
        throw error
      }
    },
  )
  image.close()
  post({
    type: 'status',
    loading: null,
    delegate: result.delegate,
    gpuFailure: result.gpuFailure ?? null,
  })
  const info = {
    task,
    delegate: result.delegate,
    cold,
    ms: performance.now() - started,
    ...(result.gpuFailure ? { gpuFailure: result.gpuFailure } : {}),
  }
  if ('faces' in result.value) {
    post({ type: 'faces', id, faces: result.value.faces, run: info })
  } else {
    const { width, height, data } = result.value
    // Counted here, off the page: a large photo's mask has millions of values.
    const personShare = personFraction(result.value)
    post({ type: 'mask', id, width, height, data, personShare, run: info }, [
      data.buffer,
    ])
  }
}

/** Run a task of an installed model, read from the OPFS model folder. */
async function runFromInstalled(
  request: Extract<VisionRequest, { type: 'detect-objects' | 'classify' }>,
) {
  fileset ??= FilesetResolver.forVisionTasks(
    TASKS_VISION_RUNTIME,
    import.meta.env.DEV,
  )
  try {
    const result = await runInstalled(
      await fileset,
      choice,
      request.type === 'classify' ? 'image-classification' : 'object-detection',
      request.file,
      request.image,
    )
    post({
      type: 'status',
      loading: null,
      delegate: result.run.delegate,
      gpuFailure: result.run.gpuFailure ?? null,
    })
    if ('objects' in result) {
      post({ type: 'objects', id: request.id, ...result })
    } else {
      post({ type: 'classes', id: request.id, ...result })
    }
  } finally {
    request.image.close()
  }
}

async function handle(request: VisionRequest): Promise<void> {
  if (request.type === 'detect-objects' || request.type === 'classify') {
    await runFromInstalled(request)
  } else if (request.type === 'detect-faces') {
    await run('face-detection', request.image, request.id)
  } else if (request.type === 'segment') {
    await run('segmentation', request.image, request.id)
  } else {
    // Closing the tasks is also when MediaPipe would post its usage log;
    // the CSP (connect-src 'self') refuses it.
    for (const task of [...tasks.keys()]) {
      drop(task)
    }
    closeInstalledTasks()
    if (request.type === 'set-delegate') {
      choice = request.choice
    }
    post({ type: 'done', id: request.id })
  }
}

let queue = Promise.resolve()

self.onmessage = (event: MessageEvent<VisionRequest>) => {
  const request = event.data
  queue = queue.then(() =>
    handle(request).catch((error: unknown) => {
      const reply: VisionReply = {
        type: 'failed',
        id: request.id,
        code:
          error instanceof InvalidModelError
            ? 'vision_model_invalid'
            : error instanceof ModelFetchError
              ? error.code
              : 'model_load_failed',
        detail: error instanceof Error ? error.message : String(error),
      }
      post({ type: 'status', loading: null, delegate: null, gpuFailure: null })
      post(reply)
    }),
  )
}

// Tell the page the worker runs: its script loaded and was allowed to.
post({ type: 'status', loading: null, delegate: null, gpuFailure: null })
