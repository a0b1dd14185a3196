/**
 * Messages between the page and the vision worker. Everything is plain,
 * structured-cloneable data; images go in as transferred ImageBitmaps and
 * masks come back as transferred Float32Arrays.
 */
import type { InstalledVisionTask } from '../../models/model-catalog'
import type { ErrorCode } from '../core/errors'
import type { VisionTask } from '../core/model-manifest'
import type { Box } from './boxes'
import type { ImageClass, ObjectDetection } from './installed-tasks'

/** Where inference runs. */
export type Delegate = 'GPU' | 'CPU'

/** The user's choice: GPU when it starts, CPU otherwise, or one of them. */
export type DelegateChoice = 'auto' | Delegate

/** A face the detector found, in the sent image's pixels. */
export interface FaceDetection extends Box {
  score: number
}

/** Any task a run can be of: a shipped model's or an installed one's. */
export type RunTask = VisionTask | InstalledVisionTask

/** How one run went, for the metrics and the status line. */
export interface RunInfo {
  task: RunTask
  delegate: Delegate
  /** True when this run had to load the runtime or the model first. */
  cold: boolean
  ms: number
  /** Set when the GPU failed and the run was redone on the CPU. */
  gpuFailure?: string
}

/** Page → worker. */
export type VisionRequest =
  | { type: 'detect-faces'; id: number; image: ImageBitmap }
  | { type: 'segment'; id: number; image: ImageBitmap }
  /** `file` names an installed model in the OPFS model folder. */
  | { type: 'detect-objects'; id: number; image: ImageBitmap; file: string }
  | { type: 'classify'; id: number; image: ImageBitmap; file: string }
  | { type: 'set-delegate'; id: number; choice: DelegateChoice }
  | { type: 'dispose'; id: number }

/** Worker → page: the answer to one request. */
export type VisionReply =
  | { type: 'faces'; id: number; faces: FaceDetection[]; run: RunInfo }
  | {
      type: 'mask'
      id: number
      width: number
      height: number
      data: Float32Array
      /** The share (0–1) of the mask that is the person. */
      personShare: number
      run: RunInfo
    }
  | { type: 'objects'; id: number; objects: ObjectDetection[]; run: RunInfo }
  | { type: 'classes'; id: number; classes: ImageClass[]; run: RunInfo }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; code: ErrorCode; detail: string }

/** Worker → page, unasked: what is loading, and the delegate in use. */
export interface VisionStatus {
  type: 'status'
  loading: VisionTask | null
  delegate: Delegate | null
  /** Why the GPU is not in use although it was wanted, if it is not. */
  gpuFailure: string | null
}

/** Anything the worker posts. */
export type VisionMessage = VisionReply | VisionStatus
