/**
 * Object detection and image classification with models the user
 * installed in Settings, read from the Origin Private File System. Runs in
 * the vision worker, the only place MediaPipe is loaded; results are plain
 * data. A loaded task is kept per model file and delegate.
 *
 * Not yet seen working on a real official model: none could be downloaded
 * where this was built, so only the refusal of a file that is not a model
 * is tested end to end; the label and box mapping below follow the
 * MediaPipe result types.
 */
import {
  type FilesetResolver,
  ImageClassifier,
  ObjectDetector,
} from '@mediapipe/tasks-vision'
import type { InstalledVisionTask } from '../../models/model-catalog'
import { openModelReader } from '../db/model-files'
import { withGpuFallback } from './gpu-fallback'
import type { ImageClass, ObjectDetection } from './installed-tasks'
import type { Delegate, DelegateChoice, RunInfo } from './vision-protocol'

/** A failure to turn the installed file into a task: not a valid model. */
export class InvalidModelError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidModelError'
  }
}

type Loaded =
  | { task: 'object-detection'; instance: ObjectDetector }
  | { task: 'image-classification'; instance: ImageClassifier }

type WasmFileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>

const loaded = new Map<string, Loaded>()

function keyOf(task: InstalledVisionTask, file: string, delegate: Delegate) {
  return `${task}:${file}:${delegate}`
}

async function load(
  fileset: WasmFileset,
  task: InstalledVisionTask,
  file: string,
  delegate: Delegate,
): Promise<Loaded> {
  const key = keyOf(task, file, delegate)
  const known = loaded.get(key)
  if (known) {
    return known
  }
  // A stream reader lets MediaPipe copy the file into wasm memory without
  // holding a second copy in JavaScript.
  const baseOptions = {
    modelAssetBuffer: await openModelReader(file),
    delegate,
  }
  let entry: Loaded
  try {
    entry =
      task === 'object-detection'
        ? {
            task,
            instance: await ObjectDetector.createFromOptions(fileset, {
              baseOptions,
              runningMode: 'IMAGE',
              maxResults: 20,
              scoreThreshold: 0.3,
            }),
          }
        : {
            task,
            instance: await ImageClassifier.createFromOptions(fileset, {
              baseOptions,
              runningMode: 'IMAGE',
              maxResults: 5,
            }),
          }
  } catch (error) {
    // On the GPU this may be a delegate failure, which the fallback
    // retries on the CPU; a CPU failure means the file is not this model.
    if (delegate === 'GPU') {
      throw error
    }
    throw new InvalidModelError(
      error instanceof Error ? error.message : String(error),
    )
  }
  loaded.set(key, entry)
  return entry
}

/** Close every loaded installed-model task (on dispose or a new delegate). */
export function closeInstalledTasks(): void {
  for (const entry of loaded.values()) {
    entry.instance.close()
  }
  loaded.clear()
}

/**
 * Detect objects or classify `image` with the installed model `file`, and
 * say how the run went: cold when the model had to be loaded first.
 */
export async function runInstalled(
  fileset: WasmFileset,
  choice: DelegateChoice,
  task: InstalledVisionTask,
  file: string,
  image: ImageBitmap,
): Promise<
  | { objects: ObjectDetection[]; run: RunInfo }
  | { classes: ImageClass[]; run: RunInfo }
> {
  const started = performance.now()
  let cold = false
  const result = await withGpuFallback(choice, async (delegate) => {
    cold ||= !loaded.has(keyOf(task, file, delegate))
    const entry = await load(fileset, task, file, delegate)
    try {
      return entry.task === 'object-detection'
        ? { objects: detect(entry.instance, image) }
        : { classes: classify(entry.instance, image) }
    } catch (error) {
      // A GPU failure mid-run leaves the task unusable: rebuild it.
      entry.instance.close()
      loaded.delete(keyOf(task, file, delegate))
      throw error
    }
  })
  const run: RunInfo = {
    task,
    delegate: result.delegate,
    cold,
    ms: performance.now() - started,
    ...(result.gpuFailure ? { gpuFailure: result.gpuFailure } : {}),
  }
  return { ...result.value, run }
}

function detect(detector: ObjectDetector, image: ImageBitmap) {
  return detector.detect(image).detections.flatMap((detection) => {
    const box = detection.boundingBox
    const best = detection.categories[0]
    return box
      ? [
          {
            x: box.originX,
            y: box.originY,
            width: box.width,
            height: box.height,
            label: best?.displayName || best?.categoryName || 'object',
            score: best?.score ?? 0,
          },
        ]
      : []
  })
}

function classify(classifier: ImageClassifier, image: ImageBitmap) {
  const head = classifier.classify(image).classifications[0]
  return (head?.categories ?? []).map((category) => ({
    label: category.displayName || category.categoryName || 'class',
    score: category.score,
  }))
}
