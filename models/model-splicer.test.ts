import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TFLITE_METADATA, readModelMetadata } from './metadata-reader'
import { writeModelMetadata, type MetadataSpec } from './metadata-writer'
import { spliceMetadata } from './model-splicer'
import { NODE_MODULES } from './prepare'
import { describeModel, metadataBuffer } from './tflite-model'

const spec: MetadataSpec = {
  name: 'Test model',
  description: 'A model under test.',
  version: '1',
  author: 'Enclave',
  license: 'Apache-2.0',
  input: {
    name: 'image',
    description: 'RGB',
    normalization: { mean: 127.5, std: 127.5 },
  },
  outputs: [
    { name: 'regressors', description: 'boxes' },
    { name: 'classificators', description: 'scores' },
  ],
}

async function faceModel(): Promise<Uint8Array> {
  const file = path.join(
    NODE_MODULES,
    '@mediapipe/face_detection/face_detection_short_range.tflite',
  )
  return new Uint8Array(await readFile(file))
}

describe('spliceMetadata', () => {
  it('writes metadata that parses back with the given normalization', async () => {
    const spliced = spliceMetadata(
      await faceModel(),
      TFLITE_METADATA,
      writeModelMetadata(spec),
    )

    const read = readModelMetadata(spliced)
    expect(read).toEqual({
      name: 'Test model',
      minParserVersion: '1.0.0',
      input: {
        name: 'image',
        colorSpace: 1,
        mean: [127.5, 127.5, 127.5],
        std: [127.5, 127.5, 127.5],
      },
      outputNames: ['regressors', 'classificators'],
      outputLabelsFiles: [null, null],
    })
  })

  it('keeps the original model bytes untouched, on a 16-byte boundary', async () => {
    const original = await faceModel()
    const spliced = spliceMetadata(
      original,
      TFLITE_METADATA,
      writeModelMetadata(spec),
    )

    const at = Buffer.from(spliced).indexOf(Buffer.from(original))
    expect(at).toBeGreaterThan(0)
    expect(at % 16).toBe(0)
    expect(spliced.subarray(at, at + original.length)).toEqual(original)
  })

  it('keeps the model graph and its earlier metadata entries', async () => {
    const original = await faceModel()
    const before = describeModel(original)
    const spliced = spliceMetadata(
      original,
      TFLITE_METADATA,
      writeModelMetadata(spec),
    )

    const after = describeModel(spliced)
    expect(after.inputs).toEqual(before.inputs)
    expect(after.outputs).toEqual(before.outputs)
    expect(after.metadataNames).toEqual([
      ...before.metadataNames,
      TFLITE_METADATA,
    ])
    expect(before.inputs[0]?.shape).toEqual([1, 128, 128, 3])
  })

  it('replaces an existing entry of the same name instead of adding one', async () => {
    const once = spliceMetadata(
      await faceModel(),
      TFLITE_METADATA,
      writeModelMetadata(spec),
    )
    const selfie = {
      ...spec,
      input: { ...spec.input, normalization: { mean: 0, std: 255 } },
    }
    const twice = spliceMetadata(
      once,
      TFLITE_METADATA,
      writeModelMetadata(selfie),
    )

    const names = describeModel(twice).metadataNames
    expect(names.filter((name) => name === TFLITE_METADATA)).toHaveLength(1)
    expect(readModelMetadata(twice)?.input.std).toEqual([255, 255, 255])
  })

  it('finds no metadata in the legacy model as shipped', async () => {
    expect(metadataBuffer(await faceModel(), TFLITE_METADATA)).toBeNull()
  })
})
