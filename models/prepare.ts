/**
 * Prepares the shipped models: reads each from its npm package, adds the
 * TFLite metadata MediaPipe Tasks needs, and writes the files and
 * `manifest.json` into a folder that is served as `/models/`.
 *
 * The build runs it into its output folder (see vite-plugin.ts); on its own,
 * `npm run models [folder]` writes to `models/prepared/` by default. The
 * results are build artifacts and stay out of git.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ModelManifest, ShippedModel } from '../src/core/model-manifest'
import { TFLITE_METADATA, readModelMetadata } from './metadata-reader'
import { writeModelMetadata } from './metadata-writer'
import { spliceMetadata } from './model-splicer'
import { SHIPPED_MODELS, type ModelSource } from './shipped-models'
import { describeModel } from './tflite-model'

/** The repository's node_modules, wherever the step is run from. */
export const NODE_MODULES = fileURLToPath(
  new URL('../node_modules/', import.meta.url),
)

/** Where `npm run models` writes when given no folder. */
export const DEFAULT_OUT_DIR = fileURLToPath(
  new URL('./prepared/', import.meta.url),
)

/** A package's `name`, `version` and `license` from its package.json. */
export async function packageInfo(name: string) {
  const file = path.join(NODE_MODULES, name, 'package.json')
  return JSON.parse(await readFile(file, 'utf8')) as {
    name: string
    version: string
    license: string
  }
}

/** Add metadata to one model and check that it reads back as intended. */
export async function prepareModel(
  source: ModelSource,
): Promise<{ bytes: Uint8Array; entry: ShippedModel }> {
  const info = await packageInfo(source.package)
  const original = new Uint8Array(
    await readFile(path.join(NODE_MODULES, source.package, source.file)),
  )

  const described = describeModel(original)
  if (described.outputs.length !== source.metadata.outputs.length) {
    throw new Error(
      `${source.file} has ${described.outputs.length} outputs, the catalog ${source.metadata.outputs.length}.`,
    )
  }
  const metadata = writeModelMetadata({
    ...source.metadata,
    version: info.version,
    license: info.license,
  })
  const bytes = spliceMetadata(original, TFLITE_METADATA, metadata)

  const readBack = readModelMetadata(bytes)
  const expected = source.metadata.input.normalization
  if (
    readBack?.input.mean[0] !== expected.mean ||
    readBack.input.std[0] !== expected.std
  ) {
    throw new Error(`${source.file}: the written metadata does not read back.`)
  }

  return {
    bytes,
    entry: {
      id: source.id,
      task: source.task,
      file: source.file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      source: {
        package: info.name,
        version: info.version,
        file: source.file,
      },
      license: info.license,
    },
  }
}

/** Prepare every shipped model into `outDir`, with its manifest. */
export async function prepareModels(outDir: string): Promise<ModelManifest> {
  await mkdir(outDir, { recursive: true })
  const manifest: ModelManifest = { formatVersion: 1, models: [] }
  for (const source of SHIPPED_MODELS) {
    const { bytes, entry } = await prepareModel(source)
    await writeFile(path.join(outDir, entry.file), bytes)
    manifest.models.push(entry)
  }
  await writeFile(
    path.join(outDir, 'manifest.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  )
  return manifest
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href

if (invokedDirectly) {
  const outDir = path.resolve(process.argv[2] ?? DEFAULT_OUT_DIR)
  const manifest = await prepareModels(outDir)
  process.stdout.write(
    `Prepared ${manifest.models.length} models in ${outDir}\n`,
  )
}
