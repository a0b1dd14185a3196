/**
 * Reads the production build's manifest to find each module's chunk, so
 * tests can tell which module code the browser downloaded.
 */
import fs from 'node:fs'
import path from 'node:path'
import { MODULES, type ModuleId } from '../src/core/modules'
import { E2E_DIST_DIR } from './environment'

interface ManifestEntry {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
}

/** The parsed `dist/.vite/manifest.json`. */
export function readManifest(): Record<string, ManifestEntry> {
  const file = path.resolve(E2E_DIST_DIR, '.vite/manifest.json')
  if (!fs.existsSync(file)) {
    throw new Error(`No build manifest in ${E2E_DIST_DIR}: build first.`)
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
    string,
    ManifestEntry
  >
}

/** The URL path of each module's own chunk, such as `/assets/admin-page-x.js`. */
export function moduleChunks(): Record<ModuleId, string> {
  const manifest = readManifest()
  const chunks = {} as Record<ModuleId, string>
  for (const entry of MODULES) {
    const source = `src/modules/${entry.id}/${entry.id}-page.tsx`
    const chunk = manifest[source]
    if (!chunk?.isDynamicEntry) {
      throw new Error(`${source} is not a lazily loaded chunk in the build`)
    }
    chunks[entry.id] = `/${chunk.file}`
  }
  return chunks
}
