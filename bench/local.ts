/**
 * `npm run bench:local`: the local engine's figures, written to
 * bench/results/local.json.
 *
 * - Download throughput of the real installer (range fetch, streamed
 *   SHA-256, OPFS write, commit) against a plain fetch of the same file in
 *   the same run, as a ratio, with a cut first response so resume is in
 *   the measured path.
 * - The cost of the streamed hash per 100 MB, next to Web Crypto's
 *   one-shot digest.
 * - With ENCLAVE_BENCH_MODEL=path to a real MediaPipe LLM: load time,
 *   time to first token and tokens per second, cold and warm, on
 *   WebGPU (--enable-unsafe-webgpu).
 *
 * Everything is served from 127.0.0.1 by this script; nothing else is
 * contacted.
 */
import { createReadStream, statSync } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'esbuild'
import { TASKS_GENAI_RUNTIME } from '../src/core/genai-runtime'
import { startModelFileServer } from '../e2e/support/model-file-server'
import { TASKS_GENAI_WASM_DIR } from '../models/genai-runtime-files'

const FILE_BYTES = 64 * 1024 * 1024
const RUNS = 3
const modelPath = process.env.ENCLAVE_BENCH_MODEL ?? null

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    define: { 'import.meta.env.DEV': 'false' },
  })
  return out.outputFiles[0]?.text ?? ''
}

const page = await bundle('bench/local-bench/in-page.ts')
const worker = await bundle('src/ai/llm.worker.ts')
const files = await startModelFileServer(FILE_BYTES)

// The page, the worker, the GenAI runtime and the bench model, same origin
// as the page; the test file comes from the file server, as in the app.
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://x').pathname
  if (url === '/page.js' || url === '/llm.worker.js') {
    response.setHeader('Content-Type', 'text/javascript')
    response.end(url === '/page.js' ? page : worker)
  } else if (url.startsWith(`${TASKS_GENAI_RUNTIME}/`)) {
    const file = path.join(TASKS_GENAI_WASM_DIR, path.basename(url))
    response.setHeader(
      'Content-Type',
      file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
    )
    createReadStream(file).pipe(response)
  } else if (url === '/bench-model' && modelPath) {
    response.setHeader('Content-Type', 'application/octet-stream')
    response.setHeader('Content-Length', String(statSync(modelPath).size))
    createReadStream(modelPath).pipe(response)
  } else {
    response.setHeader('Content-Type', 'text/html')
    response.end('<!doctype html><script src="/page.js"></script>')
  }
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-unsafe-webgpu',
  ],
})
const tab = await browser.newPage()
await tab.goto(`${origin}/`)

interface Run {
  installMs: number
  plainFetchMs: number
  bytes: number
  resumedFrom: number
  hashMsPer100MB: number
  webCryptoMsPer100MB: number
}
const runs: Run[] = []
for (let i = 0; i < RUNS; i++) {
  // The first run goes through a cut response and a resume.
  const url =
    i === 0 ? `${files.origin}/cut/model.task` : `${files.origin}/model.task`
  const cut = i === 0 ? setTimeout(() => files.cutNow(), 200) : null
  runs.push(
    await tab.evaluate(
      ([u, s]) =>
        (
          globalThis as unknown as {
            runLocalBench: (u: string, s: string) => Promise<Run>
          }
        ).runLocalBench(u, s),
      [url, files.sha256] as const,
    ),
  )
  if (cut) clearTimeout(cut)
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const mbps = (bytes: number, ms: number) =>
  Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10
const install = median(runs.map((run) => run.installMs))
const plain = median(runs.map((run) => run.plainFetchMs))

const model = modelPath
  ? await tab.evaluate(
      ([u, w]) =>
        (
          globalThis as unknown as {
            runModelBench: (u: string, w: string) => Promise<unknown>
          }
        ).runModelBench(u, w),
      [`${origin}/bench-model`, `${origin}/llm.worker.js`] as const,
    )
  : null

const result = {
  measuredAt: new Date().toISOString(),
  machine: `${os.cpus().length} cores, Node ${process.version}, Chromium headless, SwiftShader WebGPU`,
  download: {
    fileBytes: FILE_BYTES,
    runs: RUNS,
    firstRunResumedFromByte: runs[0]?.resumedFrom ?? null,
    installMedianMs: Math.round(install),
    plainFetchMedianMs: Math.round(plain),
    installMBps: mbps(FILE_BYTES, install),
    plainFetchMBps: mbps(FILE_BYTES, plain),
    ratio: Math.round((install / plain) * 100) / 100,
  },
  hash: {
    streamedSha256MsPer100MB: Math.round(
      median(runs.map((run) => run.hashMsPer100MB)),
    ),
    webCryptoOneShotMsPer100MB: Math.round(
      median(runs.map((run) => run.webCryptoMsPer100MB)),
    ),
  },
  model:
    model ??
    'skipped: set ENCLAVE_BENCH_MODEL=path to a MediaPipe .task or .litertlm LLM',
}

await browser.close()
await files.close()
server.close()
await fs.mkdir('bench/results', { recursive: true })
await fs.writeFile(
  'bench/results/local.json',
  `${JSON.stringify(result, null, 2)}\n`,
)
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
