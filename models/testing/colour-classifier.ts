/**
 * A real, tiny MediaPipe image classifier, built from nothing for tests:
 * it says whether a picture is mostly red, green or blue. No official model
 * can be downloaded where Enclave is built, so this is what proves that an
 * installed classifier loads, runs and gets its labels end to end.
 *
 * The graph is three TFLite builtin ops on an 8×8 RGB input in [0, 1]:
 * MEAN over height and width (the average colour), FULLY_CONNECTED with
 * weights that scale each channel by ten (one output per channel), and
 * SOFTMAX. The labels travel as MediaPipe expects: named in the output's
 * metadata and stored in a zip appended to the model file.
 */
import { Builder } from 'flatbuffers'
import { zipSync } from 'fflate'
import { writeModelMetadata } from '../metadata-writer'
import { TFLITE_METADATA } from '../metadata-reader'
import { spliceMetadata } from '../model-splicer'
import { MODEL_SLOTS } from '../tflite-model'

/** The classes, in output order. */
export const COLOUR_LABELS = ['red', 'green', 'blue'] as const

const SIDE = 8
const LABELS_FILE = 'labels.txt'

/** Schema numbers from TFLite's schema.fbs. */
const FLOAT32 = 0
const INT32 = 2
const OP = { FULLY_CONNECTED: 9, SOFTMAX: 25, MEAN: 40 } as const
const OPTIONS = { FullyConnected: 8, Softmax: 9, Reducer: 27 } as const
const OPERATOR_CODE = { deprecatedBuiltinCode: 0, version: 2, builtinCode: 3 }
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 }
const TENSOR = { shape: 0, type: 1, buffer: 2, name: 3 }
const OPERATOR = {
  opcodeIndex: 0,
  inputs: 1,
  outputs: 2,
  optionsType: 3,
  options: 4,
}
const BUFFER_DATA = 0

function intVector(builder: Builder, values: readonly number[]): number {
  builder.startVector(4, values.length, 4)
  for (let i = values.length - 1; i >= 0; i--) {
    builder.addInt32(values[i] ?? 0)
  }
  return builder.endVector()
}

function offsets(builder: Builder, values: readonly number[]): number {
  builder.startVector(4, values.length, 4)
  for (let i = values.length - 1; i >= 0; i--) {
    builder.addOffset(values[i] ?? 0)
  }
  return builder.endVector()
}

function bytesOf(values: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
}

/** The bare TFLite graph, without metadata. */
function buildGraph(): Uint8Array {
  const builder = new Builder(4096)
  const channels = COLOUR_LABELS.length

  // Buffer 0 is TFLite's empty buffer, for tensors computed at run time.
  const constants = [
    new Uint8Array(0),
    bytesOf(new Int32Array([1, 2])),
    // Weights [out, in]: output i is ten times input channel i.
    bytesOf(
      new Float32Array(
        Array.from({ length: channels * 3 }, (_, at) =>
          Math.floor(at / 3) === at % 3 ? 10 : 0,
        ),
      ),
    ),
    bytesOf(new Float32Array(channels)),
  ]
  const buffers = offsets(
    builder,
    constants.map((data) => {
      // Aligned as TFLite aligns weights, so they are read in place.
      builder.startVector(1, data.length, 16)
      for (let i = data.length - 1; i >= 0; i--) {
        builder.addInt8(data[i] ?? 0)
      }
      const vector = data.length ? builder.endVector() : 0
      builder.startObject(1)
      if (vector) {
        builder.addFieldOffset(BUFFER_DATA, vector, 0)
      }
      return builder.endObject()
    }),
  )

  const tensor = (
    name: string,
    shape: number[],
    type: number,
    buffer: number,
  ) => {
    const nameAt = builder.createString(name)
    const shapeAt = intVector(builder, shape)
    builder.startObject(4)
    builder.addFieldOffset(TENSOR.shape, shapeAt, 0)
    builder.addFieldInt8(TENSOR.type, type, 0)
    builder.addFieldInt32(TENSOR.buffer, buffer, 0)
    builder.addFieldOffset(TENSOR.name, nameAt, 0)
    return builder.endObject()
  }
  const tensors = offsets(builder, [
    tensor('image', [1, SIDE, SIDE, 3], FLOAT32, 0), // 0
    tensor('mean_axes', [2], INT32, 1), // 1
    tensor('average_colour', [1, 3], FLOAT32, 0), // 2
    tensor('weights', [channels, 3], FLOAT32, 2), // 3
    tensor('bias', [channels], FLOAT32, 3), // 4
    tensor('logits', [1, channels], FLOAT32, 0), // 5
    tensor('probability', [1, channels], FLOAT32, 0), // 6
  ])

  const codes = offsets(
    builder,
    [OP.MEAN, OP.FULLY_CONNECTED, OP.SOFTMAX].map((code) => {
      builder.startObject(4)
      builder.addFieldInt8(OPERATOR_CODE.deprecatedBuiltinCode, code, 0)
      builder.addFieldInt32(OPERATOR_CODE.version, 1, 1)
      builder.addFieldInt32(OPERATOR_CODE.builtinCode, code, 0)
      return builder.endObject()
    }),
  )

  // Options tables: MEAN drops the reduced axes (keep_dims false, the
  // default, so an empty table); FULLY_CONNECTED has no activation (the
  // default); SOFTMAX needs beta 1, as the schema's default is 0.
  builder.startObject(1)
  const reducer = builder.endObject()
  builder.startObject(4)
  const connected = builder.endObject()
  builder.startObject(1)
  builder.addFieldFloat32(0, 1, 0)
  const softmax = builder.endObject()

  const operator = (
    opcode: number,
    inputs: number[],
    outputs: number[],
    optionsType: number,
    options: number,
  ) => {
    const inputsAt = intVector(builder, inputs)
    const outputsAt = intVector(builder, outputs)
    builder.startObject(5)
    builder.addFieldInt32(OPERATOR.opcodeIndex, opcode, 0)
    builder.addFieldOffset(OPERATOR.inputs, inputsAt, 0)
    builder.addFieldOffset(OPERATOR.outputs, outputsAt, 0)
    builder.addFieldInt8(OPERATOR.optionsType, optionsType, 0)
    builder.addFieldOffset(OPERATOR.options, options, 0)
    return builder.endObject()
  }
  const operators = offsets(builder, [
    operator(0, [0, 1], [2], OPTIONS.Reducer, reducer),
    operator(1, [2, 3, 4], [5], OPTIONS.FullyConnected, connected),
    operator(2, [5], [6], OPTIONS.Softmax, softmax),
  ])

  const subgraphName = builder.createString('main')
  const inputs = intVector(builder, [0])
  const outputs = intVector(builder, [6])
  builder.startObject(5)
  builder.addFieldOffset(SUBGRAPH.tensors, tensors, 0)
  builder.addFieldOffset(SUBGRAPH.inputs, inputs, 0)
  builder.addFieldOffset(SUBGRAPH.outputs, outputs, 0)
  builder.addFieldOffset(SUBGRAPH.operators, operators, 0)
  builder.addFieldOffset(SUBGRAPH.name, subgraphName, 0)
  const subgraphs = offsets(builder, [builder.endObject()])

  const description = builder.createString('Enclave test colour classifier')
  builder.startObject(MODEL_SLOTS.buffers + 1)
  builder.addFieldInt32(MODEL_SLOTS.version, 3, 0)
  builder.addFieldOffset(MODEL_SLOTS.operatorCodes, codes, 0)
  builder.addFieldOffset(MODEL_SLOTS.subgraphs, subgraphs, 0)
  builder.addFieldOffset(MODEL_SLOTS.description, description, 0)
  builder.addFieldOffset(MODEL_SLOTS.buffers, buffers, 0)
  builder.finish(builder.endObject(), 'TFL3')
  return builder.asUint8Array().slice()
}

/** The classifier as an installable `.tflite` file. */
export function buildColourClassifier(): Uint8Array {
  const metadata = writeModelMetadata({
    name: 'Colour classifier',
    description: 'Says whether a picture is mostly red, green or blue.',
    version: '1',
    author: 'Enclave tests',
    license: 'Same as Enclave',
    input: {
      name: 'image',
      description: 'An RGB picture, scaled to 8×8.',
      normalization: { mean: 0, std: 255 },
    },
    outputs: [
      {
        name: 'probability',
        description: 'One score per colour.',
        labelsFile: LABELS_FILE,
      },
    ],
  })
  const model = spliceMetadata(buildGraph(), TFLITE_METADATA, metadata)
  // Stored, not deflated: the files are read in place from the model.
  const labels = new TextEncoder().encode(COLOUR_LABELS.join('\n') + '\n')
  const zip = zipSync({ [LABELS_FILE]: [labels, { level: 0 }] })
  const file = new Uint8Array(model.length + zip.length)
  file.set(model)
  file.set(zip, model.length)
  return file
}
