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
import os from 'node:os'
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

const PACKAGE_GROUPS = [
  'react-dom',
  'react',
  'tanstack-router',
  'other',
] as const

async function packageBreakdown(): Promise<Record<string, number>> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-size-'))
  await build({
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        output: {
          manualChunks(id: string) {
            if (id.includes('/node_modules/react-dom/')) return 'pkg-react-dom'
            if (/\/node_modules\/(react|scheduler)\//.test(id))
              return 'pkg-react'
            if (id.includes('/node_modules/@tanstack/'))
              return 'pkg-tanstack-router'
            if (id.includes('/node_modules/')) return 'pkg-other'
            return undefined
          },
        },
      },
    },
  })
  const manifest = readManifest(outDir)
  const sizes: Record<string, number> = {}
  for (const key of staticClosure(manifest, entryKey(manifest))) {
    const entry = manifest[key]
    if (!entry) continue
    const name =
      PACKAGE_GROUPS.find((group) => entry.file.includes(`/pkg-${group}-`)) ??
      'enclave'
    sizes[name] = (sizes[name] ?? 0) + gzipBytes(outDir, entry.file)
  }
  fs.rmSync(outDir, { recursive: true, force: true })
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
