/**
 * The model installer's state machine, shared by every downloaded model:
 * storage check, streamed download under a temporary name, resume with a
 * Range request after an interruption, size and SHA-256 check, then the
 * commit (a rename) and the index entry. Platform-free: the file store and
 * the fetch are passed in (see install-types.ts).
 */
import type { ErrorCode } from '../core/errors'
import { Sha256 } from '../core/sha256'
import { formatBytes, progressOf } from './install-progress'
import type {
  InstallProgress,
  InstallRequest,
  InstalledModel,
  ModelStorage,
  RangeFetch,
} from './install-types'
import { validateResponse } from './install-response'

/** A failure the user can act on; `detail` carries the figures. */
export class InstallError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
    this.name = 'InstallError'
  }
}

/** The platform the installer runs on. */
export interface InstallerDeps {
  storage: ModelStorage
  fetchRange: RangeFetch
  now: () => number
}

/** Suffix of a file being downloaded; anything with it is uncommitted. */
export const PARTIAL_SUFFIX = '.partial'

// A dropped connection is retried from the byte it reached; a server that
// keeps dropping is given up on rather than retried for ever.
const MAX_ATTEMPTS = 5

/** Download, check and commit one model; rejects with InstallError. */
export async function installModel(
  request: InstallRequest,
  deps: InstallerDeps,
  onProgress: (progress: InstallProgress) => void,
  signal: AbortSignal,
): Promise<InstalledModel> {
  const { storage } = deps
  const temp = `${request.id}${PARTIAL_SUFFIX}`
  await checkRoom(
    storage,
    (request.approxBytes ?? 0) - ((await storage.size(temp)) ?? 0),
  )
  await storage.persist()

  let hash = await Sha256.create()
  let total: number | null = null
  const startedAt = deps.now()
  let startBytes: number | null = null

  for (let attempt = 1; ; attempt++) {
    let offset = (await storage.size(temp)) ?? 0
    if (offset !== hash.length) {
      // Bytes on disk from before this run: hash them before going on.
      hash = await Sha256.create()
      for await (const chunk of storage.read(temp)) {
        hash.update(chunk)
      }
    }
    let response
    try {
      response = await deps.fetchRange(request.url, offset, signal)
    } catch (error) {
      if (signal.aborted || attempt >= MAX_ATTEMPTS) {
        await storage.remove(temp)
        throw signal.aborted ? error : failed(`${String(error)}`)
      }
      continue
    }
    const checked = validateResponse(response, offset)
    if ('refused' in checked) {
      await storage.remove(temp)
      throw new InstallError(checked.refused, checked.detail)
    }
    if (checked.restart) {
      offset = 0
      hash = await Sha256.create()
    }
    if (total === null && checked.total !== null) {
      total = checked.total
      await checkRoom(storage, total - offset)
    }
    startBytes ??= offset

    const file = await storage.append(temp, offset > 0)
    let received = offset
    try {
      for await (const chunk of response.body) {
        // The fetch stops on abort too; this covers a body that does not.
        signal.throwIfAborted()
        if (total !== null && received + chunk.length > total) {
          throw new InstallError(
            'model_wrong_size',
            `more than the announced ${total} bytes`,
          )
        }
        await file.write(chunk)
        hash.update(chunk)
        received += chunk.length
        onProgress(
          progressOf({
            receivedBytes: received,
            totalBytes: total,
            startBytes,
            startedAt,
            now: deps.now(),
            resumedFrom: offset,
          }),
        )
      }
    } catch (error) {
      await file.close()
      if (signal.aborted || error instanceof InstallError) {
        await storage.remove(temp)
        throw error
      }
      if (attempt >= MAX_ATTEMPTS) {
        await storage.remove(temp)
        throw failed(`interrupted ${attempt} times`)
      }
      continue
    }
    await file.close()
    if (total === null || received === total) {
      return commit(request, deps, temp, received, hash.hex())
    }
    if (attempt >= MAX_ATTEMPTS) {
      await storage.remove(temp)
      throw failed(`stopped at ${received} of ${total} bytes`)
    }
  }
}

async function commit(
  request: InstallRequest,
  deps: InstallerDeps,
  temp: string,
  bytes: number,
  sha256: string,
): Promise<InstalledModel> {
  const expected = request.sha256?.trim().toLowerCase() || null
  if (expected !== null && expected !== sha256) {
    await deps.storage.remove(temp)
    throw new InstallError(
      'model_hash_mismatch',
      `SHA-256 ${sha256}, expected ${expected}`,
    )
  }
  await deps.storage.move(temp, request.id)
  const model: InstalledModel = {
    id: request.id,
    name: request.name,
    kind: request.kind,
    ...(request.visionTask ? { visionTask: request.visionTask } : {}),
    file: request.id,
    bytes,
    sha256,
    hashVerified: expected !== null,
    sourceUrl: request.url,
    installedAt: deps.now(),
  }
  const index = await deps.storage.readIndex()
  await deps.storage.writeIndex([
    ...index.filter((entry) => entry.id !== model.id),
    model,
  ])
  return model
}

async function checkRoom(storage: ModelStorage, needed: number) {
  const { usage, quota } = await storage.estimate()
  if (quota === null || needed <= 0) {
    return
  }
  const free = quota - (usage ?? 0)
  if (needed > free) {
    throw new InstallError(
      'model_no_room',
      `the model needs ${formatBytes(needed)}, and ${formatBytes(Math.max(0, free))} is free`,
    )
  }
}

function failed(detail: string) {
  return new InstallError('model_download_failed', detail)
}
