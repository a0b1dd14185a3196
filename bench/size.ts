/**
 * `npm run bench:size`: how much JavaScript the sign-in page downloads, and
 * each module's own chunk, from the production build. Writes
 * `bench/results/size.json`.
 *
 * Sizes are gzip bytes at the default level, as a server would send them.
 * The initial figure is set against the 90 KB aim as a ratio. A second,
 * throw-away build splits the same code by package, so the report also says
 * how much of the initial download is React, the router and Enclave itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { MODULES } from '../src/core/modules'

const AIM_BYTES = 90 * 1024
const DIST = path.resolve('dist')

interface ManifestEntry {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestEntry>

function readManifest(dist: string): Manifest {
  const file = path.join(dist, '.vite/manifest.json')
  if (!fs.existsSync(file)) {
    throw new Error(`No build manifest in ${dist}: run npm run build first.`)
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
}

function gzipBytes(dist: string, file: string): number {
  return gzipSync(fs.readFileSync(path.join(dist, file))).length
}

/** The entry's chunk and every chunk it imports statically, once each. */
function staticClosure(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>()
  const visit = (k: string) => {
    if (seen.has(k)) return
    seen.add(k)
    for (const imported of manifest[k]?.imports ?? []) visit(imported)
  }
  visit(key)
  return [...seen]
}

function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry)
  if (!key) throw new Error('The build manifest has no entry')
  return key
}

/** Which group a package's bytes are reported under. */
function groupOf(packageName: string): string {
  if (packageName === 'react-dom') return 'react-dom'
  if (packageName === 'react' || packageName === 'scheduler') return 'react'
  if (packageName.startsWith('@tanstack/')) return 'tanstack-router'
  return 'other'
}

interface RenderedChunk {
  type: 'chunk'
  fileName: string
  isEntry: boolean
  imports: string[]
  code: string
  modules: Record<string, { renderedLength: number }>
}

/**
 * How the first page's gzip bytes split by package. The same build is run
 * again in memory to see each module's rendered length inside the entry's
 * chunks; each chunk's gzip size is shared out in proportion.
 */
async function packageBreakdown(): Promise<Record<string, number>> {
  const result = await build({ logLevel: 'silent', build: { write: false } })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) =>
    'output' in item ? item.output : [],
  ) as unknown as (RenderedChunk | { type: 'asset' })[]
  const chunks = new Map(
    outputs
      .filter((item): item is RenderedChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  )

  const entry = [...chunks.values()].find((chunk) => chunk.isEntry)
  const closure = new Set<string>()
  const visit = (fileName: string) => {
    if (closure.has(fileName)) return
    closure.add(fileName)
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported)
  }
  if (entry) visit(entry.fileName)

  const sizes: Record<string, number> = {}
  for (const fileName of closure) {
    const chunk = chunks.get(fileName)
    if (!chunk) continue
    const gzip = gzipSync(chunk.code).length
    const rendered = Object.values(chunk.modules).reduce(
      (sum, module) => sum + module.renderedLength,
      0,
    )
    for (const [id, module] of Object.entries(chunk.modules)) {
      const packageName = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1]
      const name = packageName ? groupOf(packageName) : 'enclave'
      sizes[name] =
        (sizes[name] ?? 0) +
        Math.round((gzip * module.renderedLength) / Math.max(1, rendered))
    }
  }
  return sizes
}

async function main(): Promise<void> {
  const manifest = readManifest(DIST)
  const initialFiles = staticClosure(manifest, entryKey(manifest))
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => file !== undefined)
  const initialJsGzip = initialFiles.reduce(
    (sum, file) => sum + gzipBytes(DIST, file),
    0,
  )
  const initialCss = manifest[entryKey(manifest)]?.css ?? []

  const modules = MODULES.map((entry) => {
    const key = `src/modules/${entry.id}/${entry.id}-page.tsx`
    const own = manifest[key]
    if (!own) throw new Error(`${key} has no chunk of its own`)
    const shared = (own.imports ?? [])
      .filter((k) => !initialFiles.includes(manifest[k]?.file ?? ''))
      .map((k) => manifest[k]?.file ?? k)
    return {
      module: entry.id,
      chunk: own.file,
      gzipBytes: gzipBytes(DIST, own.file),
      sharedChunks: shared,
    }
  })

  const breakdown = await packageBreakdown()
  const report = {
    measuredAt: new Date().toISOString(),
    note: 'gzip bytes of the production build; ratio is against the 90 KB aim',
    login: {
      initialJsGzipBytes: initialJsGzip,
      initialCssGzipBytes: initialCss.reduce(
        (sum, file) => sum + gzipBytes(DIST, file),
        0,
      ),
      files: initialFiles,
      aimBytes: AIM_BYTES,
      ratioToAim: Number((initialJsGzip / AIM_BYTES).toFixed(3)),
      byPackageGzipBytes: breakdown,
    },
    modules,
  }

  fs.mkdirSync('bench/results', { recursive: true })
  fs.writeFileSync(
    'bench/results/size.json',
    `${JSON.stringify(report, null, 2)}\n`,
  )
  process.stdout.write(
    `initial JS for /login: ${(initialJsGzip / 1024).toFixed(1)} KB gzip ` +
      `(${report.login.ratioToAim}× the 90 KB aim)\n` +
      `by package: ${Object.entries(breakdown)
        .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`)
        .join(', ')}\n`,
  )
}

await main()
