/**
 * The in-page half of `npm run bench:local` and of its debugging: runs
 * the real installer over the real OPFS store and range fetch, and a plain
 * fetch of the same file, and times both. Bundled by bench/local.ts.
 */
import { installModel } from '../../src/ai/model-installer'
import { modelFiles } from '../../src/db/model-files'
import { rangeFetch } from '../../src/net/range-fetch'
import { Sha256 } from '../../src/core/sha256'
import { runModel } from './model-run'

/** One measured run. */
export interface InPageResult {
  installMs: number
  plainFetchMs: number
  bytes: number
  resumedFrom: number
  sha256: string
  hashMsPer100MB: number
  webCryptoMsPer100MB: number
}

async function plainFetch(url: string): Promise<number> {
  const response = await fetch(url, { cache: 'no-store' })
  const reader = response.body?.getReader()
  if (!reader) return 0
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return bytes
    bytes += value.length
  }
}

async function run(url: string, sha256: string | null): Promise<InPageResult> {
  let resumedFrom = 0
  const installStart = performance.now()
  const model = await installModel(
    {
      id: 'bench.task',
      name: 'bench',
      kind: 'llm',
      url,
      sha256,
      approxBytes: null,
    },
    { storage: modelFiles, fetchRange: rangeFetch, now: () => Date.now() },
    (progress) => {
      resumedFrom = Math.max(resumedFrom, progress.resumedFrom)
    },
    new AbortController().signal,
  )
  const installMs = performance.now() - installStart
  await modelFiles.remove(model.file)
  await modelFiles.writeIndex([])

  const fetchStart = performance.now()
  await plainFetch(url.replace('/cut/', '/'))
  const plainFetchMs = performance.now() - fetchStart

  const block = new Uint8Array(4 * 1024 * 1024).map((_, i) => i & 0xff)
  const hashStart = performance.now()
  const hash = await Sha256.create()
  for (let i = 0; i < 25; i++) hash.update(block)
  hash.hex()
  const hashMs = performance.now() - hashStart
  const cryptoStart = performance.now()
  for (let i = 0; i < 25; i++) await crypto.subtle.digest('SHA-256', block)
  const cryptoMs = performance.now() - cryptoStart
  return {
    installMs,
    plainFetchMs,
    bytes: model.bytes,
    resumedFrom,
    sha256: model.sha256,
    hashMsPer100MB: (hashMs * 100) / (25 * 4 * 1.048576),
    webCryptoMsPer100MB: (cryptoMs * 100) / (25 * 4 * 1.048576),
  }
}

/** Install the bench model from `url`, then load and run it. */
async function runWithModel(url: string, workerUrl: string) {
  await installModel(
    {
      id: 'bench-model',
      name: 'bench model',
      kind: 'llm',
      url,
      sha256: null,
      approxBytes: null,
    },
    { storage: modelFiles, fetchRange: rangeFetch, now: () => Date.now() },
    () => undefined,
    new AbortController().signal,
  )
  try {
    return await runModel(workerUrl, 'bench-model')
  } finally {
    await modelFiles.remove('bench-model')
    await modelFiles.writeIndex([])
  }
}

Object.assign(globalThis, { runLocalBench: run, runModelBench: runWithModel })
