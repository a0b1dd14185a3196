/**
 * `npm run bench:assistant`: the cloud engine's figures, written to
 * bench/results/assistant.json.
 *
 * - Time to last token through the gateway against straight from the test
 *   upstream, in the same run, alternating, as medians and their ratio.
 * - 200 concurrent streams through the gateway: errors, and the server's
 *   peak memory and CPU time (the server runs as its own process).
 * - Response cache lookups with 10,000 entries, in Chromium (IndexedDB).
 *
 * Everything listens on 127.0.0.1; the upstream is the test upstream.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { createServer } from 'vite'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { startTestUpstream } from '../src/server/testing/test-upstream'
import { median } from './stats'

const PASSWORD = 'bench-password-assistant'
const RUNS = 15
const CONCURRENT = 200
const TOKENS = 100

async function startGateway(llmUrl: string, root: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts'],
    {
      env: {
        ...process.env,
        ENCLAVE_HOST: '127.0.0.1',
        ENCLAVE_PORT: '0',
        ENCLAVE_DATA_DIR: path.join(root, 'data'),
        ENCLAVE_DIST_DIR: path.join(root, 'dist'),
        ENCLAVE_DEMO_PASSWORD: PASSWORD,
        ENCLAVE_LOG_LEVEL: 'silent',
        ENCLAVE_LLM_URL: llmUrl,
        ENCLAVE_AI_RATE_PER_MINUTE: '100000',
        ENCLAVE_AI_MAX_STREAMS: '100000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.on('exit', () => reject(new Error('the server exited')))
  })
  return { child, url }
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'manager', password: PASSWORD }),
  })
  return ((await response.json()) as { accessToken: string }).accessToken
}

/** Read a stream to its end; resolves to whether it ended as expected. */
async function drain(response: Response, end: string): Promise<boolean> {
  const decoder = new TextDecoder()
  let tail = ''
  for await (const chunk of response.body ?? []) {
    tail = (tail + decoder.decode(chunk as Uint8Array, { stream: true })).slice(
      -200,
    )
  }
  return response.ok && tail.includes(end)
}

async function direct(upstreamUrl: string, prompt: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${upstreamUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'default',
      stream: true,
      messages: [{ role: 'user', content: prompt }],
    }),
  })
  if (!(await drain(response, '[DONE]'))) throw new Error('direct failed')
  return performance.now() - started
}

let requestCounter = 0
async function gateway(
  url: string,
  token: string,
  prompt: string,
): Promise<{ ms: number; ok: boolean }> {
  requestCounter += 1
  const started = performance.now()
  try {
    const response = await fetch(`${url}/api/ai/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        requestId: `bench-${process.pid}-${requestCounter}`,
        messages: [{ role: 'user', content: prompt }],
      }),
    })
    const ok = await drain(response, 'event: done')
    return { ms: performance.now() - started, ok }
  } catch {
    return { ms: performance.now() - started, ok: false }
  }
}

function procStats(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return { cpuMs: (ticks * 1000) / 100, rssMb: rssKb / 1024 }
}

async function concurrent(child: ChildProcess, url: string, token: string) {
  const pid = child.pid ?? 0
  const before = procStats(pid)
  let peakRss = before.rssMb
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procStats(pid).rssMb)
  }, 25)
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: CONCURRENT }, () => gateway(url, token, 'load')),
  )
  const wallMs = performance.now() - started
  clearInterval(sampler)
  const after = procStats(pid)
  return {
    streams: CONCURRENT,
    tokensPerStream: TOKENS,
    errors: results.filter((result) => !result.ok).length,
    wallMs: Math.round(wallMs),
    medianStreamMs: Math.round(median(results.map((r) => r.ms))),
    serverRssBeforeMb: Number(before.rssMb.toFixed(1)),
    serverRssPeakMb: Number(peakRss.toFixed(1)),
    serverCpuMs: Math.round(after.cpuMs - before.cpuMs),
    serverCpuPercentOfOneCore: Math.round(
      ((after.cpuMs - before.cpuMs) / wallMs) * 100,
    ),
  }
}

async function cacheLookups() {
  const vite = await createServer({
    root: path.resolve('bench/cache-bench'),
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, fs: { allow: [process.cwd()] } },
  })
  await vite.listen()
  const address = vite.httpServer?.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.waitForFunction(
      () => (window as { __cacheBench?: unknown }).__cacheBench !== undefined,
      undefined,
      { timeout: 180_000 },
    )
    return await page.evaluate(
      () => (window as { __cacheBench?: unknown }).__cacheBench,
    )
  } finally {
    await browser.close()
    await vite.close()
  }
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-bench-ai-'))
  const upstream = await startTestUpstream()
  const tokens = Array.from({ length: TOKENS }, (_, i) => `tok${i} `)
  upstream.reply('timed', { tokens, tokenDelayMs: 5 })
  upstream.reply('load', { tokens, tokenDelayMs: 5 })
  const { child, url } = await startGateway(upstream.url, root)

  try {
    const token = await signIn(url)
    await gateway(url, token, 'timed')
    await direct(upstream.url, 'timed')
    const directMs: number[] = []
    const gatewayMs: number[] = []
    for (let i = 0; i < RUNS; i += 1) {
      directMs.push(await direct(upstream.url, 'timed'))
      gatewayMs.push((await gateway(url, token, 'timed')).ms)
    }
    const timeToLastToken = {
      runs: RUNS,
      tokens: TOKENS,
      upstreamTokenDelayMs: 5,
      directMedianMs: Number(median(directMs).toFixed(1)),
      gatewayMedianMs: Number(median(gatewayMs).toFixed(1)),
      ratio: Number((median(gatewayMs) / median(directMs)).toFixed(3)),
    }
    const load = await concurrent(child, url, await signIn(url))
    const cache = await cacheLookups()

    const result = {
      measuredAt: new Date().toISOString(),
      machine: `${os.cpus().length} cores, Node ${process.version}`,
      timeToLastToken,
      concurrentStreams: load,
      cacheLookups: cache,
    }
    fs.mkdirSync('bench/results', { recursive: true })
    fs.writeFileSync(
      'bench/results/assistant.json',
      `${JSON.stringify(result, null, 2)}\n`,
    )
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } finally {
    child.kill('SIGTERM')
    await upstream.close()
    fs.rmSync(root, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
