import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readModelMetadata } from '../metadata-reader'
import { describeModel } from '../tflite-model'
import { COLOUR_LABELS, buildColourClassifier } from './colour-classifier'

describe('the test colour classifier', () => {
  const file = buildColourClassifier()

  it('is a TFLite model with an 8×8 RGB input and one score per colour', () => {
    const info = describeModel(file)
    expect(info.inputs).toEqual([{ name: 'image', shape: [1, 8, 8, 3] }])
    expect(info.outputs).toEqual([{ name: 'probability', shape: [1, 3] }])
    expect(info.metadataNames).toContain('TFLITE_METADATA')
  })

  it('says how to scale pixels and where its labels are', () => {
    const metadata = readModelMetadata(file)
    expect(metadata?.input).toMatchObject({ mean: [0, 0, 0] })
    expect(metadata?.input.std).toEqual([255, 255, 255])
    expect(metadata?.outputLabelsFiles).toEqual(['labels.txt'])
  })

  it('carries the labels in a zip at its end, one per line in output order', () => {
    // The zip's offsets count from its own start, as MediaPipe reads it:
    // its end record (22 bytes, no comment) says how far back that is.
    const end = new DataView(file.buffer, file.byteOffset + file.length - 22)
    expect(end.getUint32(0, true)).toBe(0x06054b50)
    const zipStart =
      file.length - 22 - end.getUint32(12, true) - end.getUint32(16, true)
    const files = unzipSync(file.subarray(zipStart))
    expect(Object.keys(files)).toEqual(['labels.txt'])
    expect(new TextDecoder().decode(files['labels.txt'])).toBe(
      COLOUR_LABELS.join('\n') + '\n',
    )
  })
})
