/**
 * The installer's view of its platform: a file store (the Origin Private
 * File System in the app, a map in tests), a fetch that can start at a
 * byte, and what it reports. Kept apart from the state machine so the
 * machine runs in Node against fakes.
 */
import type { InstalledVisionTask, ModelKind } from '../../models/model-catalog'

/** Appends to one file; `close` keeps what was written. */
export interface FileAppender {
  write(chunk: Uint8Array): Promise<void>
  close(): Promise<void>
}

/** Where model files and the list of installed models are kept. */
export interface ModelStorage {
  /** Size of a file in bytes, or null when there is none. */
  size(name: string): Promise<number | null>
  /** A file's bytes, in pieces. */
  read(name: string): AsyncIterable<Uint8Array>
  /** Open a file for appending; `keep` false empties it first. */
  append(name: string, keep: boolean): Promise<FileAppender>
  /** Rename a file, replacing any file with the new name. */
  move(from: string, to: string): Promise<void>
  remove(name: string): Promise<void>
  /** Every file name in the store, the index excluded. */
  names(): Promise<string[]>
  readIndex(): Promise<InstalledModel[]>
  writeIndex(models: InstalledModel[]): Promise<void>
  /** Bytes used and allowed for this origin, when the browser says. */
  estimate(): Promise<{ usage: number | null; quota: number | null }>
  /** Ask that the origin's storage is not evicted. */
  persist(): Promise<boolean>
}

/** The parts of an HTTP response the installer reads. */
export interface RangeResponse {
  status: number
  header(name: string): string | null
  body: AsyncIterable<Uint8Array>
}

/** GET a URL from a byte on (`Range: bytes=<from>-` when from > 0). */
export type RangeFetch = (
  url: string,
  from: number,
  signal: AbortSignal,
) => Promise<RangeResponse>

/** What to install. */
export interface InstallRequest {
  /** File-safe id; the committed file is named after it. */
  id: string
  name: string
  kind: ModelKind
  /** For a `vision` model: the task it serves. */
  visionTask?: InstalledVisionTask
  url: string
  /** Expected lower-case hex SHA-256, or null to record it at install. */
  sha256: string | null
  /** About how large, for the storage check, when known in advance. */
  approxBytes: number | null
}

/** A model file that was downloaded and checked. */
export interface InstalledModel {
  id: string
  name: string
  kind: ModelKind
  /** For a `vision` model: the task it serves. */
  visionTask?: InstalledVisionTask
  file: string
  bytes: number
  sha256: string
  /** True when the hash was given and matched; false when first recorded. */
  hashVerified: boolean
  sourceUrl: string
  installedAt: number
}

/** How far a download is. */
export interface InstallProgress {
  receivedBytes: number
  totalBytes: number | null
  /** 0–100, or null while the total is unknown. */
  percent: number | null
  bytesPerSecond: number | null
  secondsLeft: number | null
  /** The byte the latest request started at (non-zero after a resume). */
  resumedFrom: number
}
