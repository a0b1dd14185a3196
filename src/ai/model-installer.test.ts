import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { InstallProgress, InstallRequest } from './install-types'
import { InstallError, installModel } from './model-installer'
import { deleteModel, removeOrphans } from './model-inventory'
import { FakeModelStorage } from './testing/fake-model-storage'
import {
  fakeRangeServer,
  type FakeServerOptions,
} from './testing/fake-range-server'

const file = new Uint8Array(250).map((_, i) => (i * 13) % 251)
const sha256 = createHash('sha256').update(file).digest('hex')

const request: InstallRequest = {
  id: 'test.task',
  name: 'Test model',
  kind: 'llm',
  url: 'http://127.0.0.1/test.task',
  sha256,
  approxBytes: null,
}

async function run(
  options: FakeServerOptions = {},
  change: Partial<InstallRequest> = {},
  storage = new FakeModelStorage(),
) {
  const server = fakeRangeServer(file, options)
  const progress: InstallProgress[] = []
  let clock = 0
  const result = installModel(
    { ...request, ...change },
    { storage, fetchRange: server.fetchRange, now: () => (clock += 100) },
    (step) => progress.push(step),
    new AbortController().signal,
  )
  return { result, storage, starts: server.starts, progress }
}

async function failure(promise: Promise<unknown>): Promise<InstallError> {
  const error: unknown = await promise.catch((caught: unknown) => caught)
  if (!(error instanceof InstallError)) throw new Error('did not fail')
  return error
}

describe('installModel', () => {
  it('commits the file by renaming it once size and hash check out', async () => {
    const { result, storage, progress } = await run()
    const model = await result
    expect(storage.moves).toEqual([['test.task.partial', 'test.task']])
    expect(storage.files.get('test.task')).toEqual(file)
    expect(model).toMatchObject({ bytes: 250, sha256, hashVerified: true })
    expect(progress.at(-1)?.percent).toBe(100)
    expect(storage.index.map((entry) => entry.id)).toEqual(['test.task'])
    expect(storage.persistAsked).toBe(true)
  })

  it('resumes from the byte it reached when the connection drops', async () => {
    const { result, starts, storage } = await run({ cutAfter: [120, 50] })
    await result
    expect(starts).toEqual([0, 120, 170])
    expect(storage.files.get('test.task')).toEqual(file)
  })

  it('starts again when the server ignores the range', async () => {
    const { result, storage } = await run({
      cutAfter: [100],
      ignoreRange: true,
    })
    await result
    expect(storage.files.get('test.task')).toEqual(file)
  })

  it('records the hash at first install when none was given', async () => {
    const model = await (await run({}, { sha256: null })).result
    expect(model).toMatchObject({ sha256, hashVerified: false })
  })

  it('keeps the vision task a model was marked with in the index', async () => {
    const { result, storage } = await run(
      {},
      { kind: 'vision', visionTask: 'object-detection' },
    )
    expect(await result).toMatchObject({ visionTask: 'object-detection' })
    expect(storage.index[0]?.visionTask).toBe('object-detection')
  })

  it('rejects a wrong SHA-256 and leaves no file behind', async () => {
    const { result, storage } = await run({}, { sha256: 'ab'.repeat(32) })
    expect((await failure(result)).code).toBe('model_hash_mismatch')
    expect(storage.files.size).toBe(0)
    expect(storage.index).toEqual([])
  })

  it('rejects a web page', async () => {
    const { result, storage } = await run({ contentType: 'text/html' })
    expect((await failure(result)).code).toBe('model_not_a_file')
    expect(storage.files.size).toBe(0)
  })

  it('rejects a body longer than the announced length', async () => {
    const { result, storage } = await run({ announcedLength: 200 })
    expect((await failure(result)).code).toBe('model_wrong_size')
    expect(storage.files.size).toBe(0)
  })

  it('removes the partial file when cancelled', async () => {
    const storage = new FakeModelStorage()
    const controller = new AbortController()
    const server = fakeRangeServer(file)
    const result = installModel(
      request,
      { storage, fetchRange: server.fetchRange, now: () => 0 },
      () => controller.abort(),
      controller.signal,
    )
    await expect(result).rejects.toThrow()
    expect(storage.files.size).toBe(0)
    expect(storage.index).toEqual([])
  })

  it('says how much room is needed and free when storage is short', async () => {
    const storage = new FakeModelStorage()
    storage.quota = 1_000_000
    storage.usage = 900_000
    const { result } = await run({}, { approxBytes: 500_000 }, storage)
    const error = await failure(result)
    expect(error.code).toBe('model_no_room')
    expect(error.detail).toBe('the model needs 500.0 KB, and 100.0 KB is free')
  })
})

describe('removeOrphans and deleteModel', () => {
  it('removes partial files and files no entry owns', async () => {
    const { result, storage } = await run()
    await result
    storage.files.set('old.task.partial', new Uint8Array(3))
    storage.files.set('stray.bin', new Uint8Array(3))
    expect(await removeOrphans(storage)).toEqual([
      'old.task.partial',
      'stray.bin',
    ])
    expect([...storage.files.keys()]).toEqual(['test.task'])
  })

  it('frees the file and the entry on delete', async () => {
    const { result, storage } = await run()
    await result
    await deleteModel(storage, 'test.task')
    expect(storage.files.size).toBe(0)
    expect(storage.index).toEqual([])
  })
})
