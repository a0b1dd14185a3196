import { describe, expect, it } from 'vitest'
import { Sha256 } from '../core/sha256'
import { fileRangeFetch } from './file-range-fetch'
import { installModel } from './model-installer'
import { FakeModelStorage } from './testing/fake-model-storage'

describe('fileRangeFetch', () => {
  it('installs an imported file through the installer, hash recorded', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => i % 199)
    const storage = new FakeModelStorage()
    const model = await installModel(
      {
        id: 'picked.task',
        name: 'picked.task',
        kind: 'llm',
        url: 'file:picked.task',
        sha256: null,
        approxBytes: bytes.length,
      },
      { storage, fetchRange: fileRangeFetch(new Blob([bytes])), now: () => 1 },
      () => undefined,
      new AbortController().signal,
    )
    expect(storage.files.get('picked.task')).toEqual(bytes)
    expect(model.sha256).toBe((await Sha256.create()).update(bytes).hex())
  })

  it('answers a range with the rest of the file', async () => {
    const fetchRange = fileRangeFetch(new Blob([new Uint8Array([1, 2, 3, 4])]))
    const response = await fetchRange('x', 1, new AbortController().signal)
    const chunks: number[] = []
    for await (const chunk of response.body) chunks.push(...chunk)
    expect(response.status).toBe(206)
    expect(response.header('content-range')).toBe('bytes 1-3/4')
    expect(chunks).toEqual([2, 3, 4])
  })
})
