/**
 * Writes a TFLite `ModelMetadata` FlatBuffer (file identifier `M001`), the
 * buffer MediaPipe Tasks looks for under the name `TFLITE_METADATA`.
 *
 * It holds only what Tasks was checked to need for an image model: one
 * subgraph, an input tensor with RGB `ImageProperties` and
 * `NormalizationOptions`, and one entry per output tensor, which may name a
 * labels file packed with the model (a classifier's). The normalisation
 * is the one value that silently matters: a wrong mean or std still loads
 * and runs, only with worse results.
 */
import { Builder } from 'flatbuffers'

/** How input pixels in [0, 255] become the model's input: (x - mean) / std. */
export interface Normalization {
  mean: number
  std: number
}

/** What to write into a model's metadata. */
export interface MetadataSpec {
  name: string
  description: string
  version: string
  author: string
  license: string
  input: { name: string; description: string; normalization: Normalization }
  outputs: {
    name: string
    description: string
    /** A file of one label per line, zipped onto the end of the model. */
    labelsFile?: string
  }[]
}

/** Slots and union values from TFLite's metadata_schema.fbs. */
const TENSOR = {
  name: 0,
  description: 1,
  content: 3,
  processUnits: 4,
  associatedFiles: 6,
}
const ASSOCIATED_FILE = { name: 0, description: 1, type: 2 }
const TENSOR_AXIS_LABELS = 2
const CONTENT = { propertiesType: 0, properties: 1 }
const IMAGE_PROPERTIES = { colorSpace: 0 }
const PROCESS_UNIT = { optionsType: 0, options: 1 }
const NORMALIZATION = { mean: 0, std: 1 }
const SUBGRAPH = { name: 0, inputs: 2, outputs: 3 }
const MODEL = {
  name: 0,
  description: 1,
  version: 2,
  subgraphs: 3,
  author: 4,
  license: 5,
  minParserVersion: 7,
}
const CONTENT_IMAGE_PROPERTIES = 2
const COLOR_SPACE_RGB = 1
const OPTIONS_NORMALIZATION = 1

/** The oldest metadata parser that reads every field written here. */
export const MIN_PARSER_VERSION = '1.0.0'

/** Identifier of a ModelMetadata buffer. */
export const METADATA_IDENTIFIER = 'M001'

function floatVector(builder: Builder, values: number[]): number {
  builder.startVector(4, values.length, 4)
  for (let i = values.length - 1; i >= 0; i--) {
    builder.addFloat32(values[i] ?? 0)
  }
  return builder.endVector()
}

function offsetVector(builder: Builder, offsets: number[]): number {
  builder.startVector(4, offsets.length, 4)
  for (let i = offsets.length - 1; i >= 0; i--) {
    builder.addOffset(offsets[i] ?? 0)
  }
  return builder.endVector()
}

function imageInput(builder: Builder, spec: MetadataSpec['input']): number {
  const name = builder.createString(spec.name)
  const description = builder.createString(spec.description)

  builder.startObject(1)
  builder.addFieldInt8(IMAGE_PROPERTIES.colorSpace, COLOR_SPACE_RGB, 0)
  const properties = builder.endObject()
  builder.startObject(3)
  builder.addFieldInt8(CONTENT.propertiesType, CONTENT_IMAGE_PROPERTIES, 0)
  builder.addFieldOffset(CONTENT.properties, properties, 0)
  const content = builder.endObject()

  // Three channels, one value each: Tasks would also accept a single value
  // and repeat it, but stating all three leaves no doubt.
  const { mean, std } = spec.normalization
  const means = floatVector(builder, [mean, mean, mean])
  const stds = floatVector(builder, [std, std, std])
  builder.startObject(2)
  builder.addFieldOffset(NORMALIZATION.mean, means, 0)
  builder.addFieldOffset(NORMALIZATION.std, stds, 0)
  const normalization = builder.endObject()
  builder.startObject(2)
  builder.addFieldInt8(PROCESS_UNIT.optionsType, OPTIONS_NORMALIZATION, 0)
  builder.addFieldOffset(PROCESS_UNIT.options, normalization, 0)
  const processUnits = offsetVector(builder, [builder.endObject()])

  builder.startObject(7)
  builder.addFieldOffset(TENSOR.name, name, 0)
  builder.addFieldOffset(TENSOR.description, description, 0)
  builder.addFieldOffset(TENSOR.content, content, 0)
  builder.addFieldOffset(TENSOR.processUnits, processUnits, 0)
  return builder.endObject()
}

function labelsFile(builder: Builder, file: string): number {
  const name = builder.createString(file)
  const description = builder.createString('One label per output index.')
  builder.startObject(3)
  builder.addFieldOffset(ASSOCIATED_FILE.name, name, 0)
  builder.addFieldOffset(ASSOCIATED_FILE.description, description, 0)
  builder.addFieldInt8(ASSOCIATED_FILE.type, TENSOR_AXIS_LABELS, 0)
  return offsetVector(builder, [builder.endObject()])
}

function outputTensor(builder: Builder, spec: MetadataSpec['outputs'][0]) {
  const name = builder.createString(spec.name)
  const description = builder.createString(spec.description)
  const files =
    spec.labelsFile === undefined ? null : labelsFile(builder, spec.labelsFile)
  builder.startObject(7)
  builder.addFieldOffset(TENSOR.name, name, 0)
  builder.addFieldOffset(TENSOR.description, description, 0)
  if (files !== null) {
    builder.addFieldOffset(TENSOR.associatedFiles, files, 0)
  }
  return builder.endObject()
}

/** Build the ModelMetadata buffer for one image model. */
export function writeModelMetadata(spec: MetadataSpec): Uint8Array {
  const builder = new Builder(1024)

  const inputs = offsetVector(builder, [imageInput(builder, spec.input)])
  const outputs = offsetVector(
    builder,
    spec.outputs.map((output) => outputTensor(builder, output)),
  )
  const subgraphName = builder.createString(spec.name)
  builder.startObject(4)
  builder.addFieldOffset(SUBGRAPH.name, subgraphName, 0)
  builder.addFieldOffset(SUBGRAPH.inputs, inputs, 0)
  builder.addFieldOffset(SUBGRAPH.outputs, outputs, 0)
  const subgraphs = offsetVector(builder, [builder.endObject()])

  const strings = {
    name: builder.createString(spec.name),
    description: builder.createString(spec.description),
    version: builder.createString(spec.version),
    author: builder.createString(spec.author),
    license: builder.createString(spec.license),
    minParserVersion: builder.createString(MIN_PARSER_VERSION),
  }
  builder.startObject(8)
  builder.addFieldOffset(MODEL.name, strings.name, 0)
  builder.addFieldOffset(MODEL.description, strings.description, 0)
  builder.addFieldOffset(MODEL.version, strings.version, 0)
  builder.addFieldOffset(MODEL.subgraphs, subgraphs, 0)
  builder.addFieldOffset(MODEL.author, strings.author, 0)
  builder.addFieldOffset(MODEL.license, strings.license, 0)
  builder.addFieldOffset(MODEL.minParserVersion, strings.minParserVersion, 0)
  builder.finish(builder.endObject(), METADATA_IDENTIFIER)
  return builder.asUint8Array().slice()
}
