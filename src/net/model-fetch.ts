/**
 * Fetches shipped model files for the vision worker: the manifest, and a
 * model whose SHA-256 must match the manifest before it is used. The
 * service worker keeps both (see src/sw.ts), so this works offline after
 * the first use.
 */
import {
  MODEL_MANIFEST_URL,
  isModelManifest,
  type ModelManifest,
  type ShippedModel,
} from '../core/model-manifest'
import { MODELS_PATH } from '../core/asset-paths'

/** A model file that could not be fetched or did not match its checksum. */
export class ModelFetchError extends Error {
  constructor(
    readonly code: 'model_load_failed' | 'model_integrity',
    message: string,
  ) {
    super(message)
    this.name = 'ModelFetchError'
  }
}

async function getOk(url: string): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new ModelFetchError('model_load_failed', `${url}: ${String(error)}`)
  }
  if (!response.ok) {
    throw new ModelFetchError(
      'model_load_failed',
      `${url} answered ${response.status}`,
    )
  }
  return response
}

/** The shipped-model manifest. */
export async function fetchModelManifest(): Promise<ModelManifest> {
  const body: unknown = await (await getOk(MODEL_MANIFEST_URL)).json()
  if (!isModelManifest(body)) {
    throw new ModelFetchError('model_load_failed', 'The manifest is not valid.')
  }
  return body
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')
}

/** A model's bytes, after checking them against the manifest's SHA-256. */
export async function fetchVerifiedModel(
  model: ShippedModel,
): Promise<Uint8Array> {
  const response = await getOk(`${MODELS_PATH}${model.file}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const actual = hex(await crypto.subtle.digest('SHA-256', bytes))
  if (actual !== model.sha256) {
    throw new ModelFetchError(
      'model_integrity',
      `${model.file}: SHA-256 ${actual}, expected ${model.sha256}`,
    )
  }
  return bytes
}
