/**
 * Reads back the `TFLITE_METADATA` of a model: the check that what the
 * writer produced is a ModelMetadata buffer MediaPipe Tasks can parse, with
 * the normalisation that was meant.
 */
import {
  fieldNumbers,
  fieldString,
  fieldTable,
  fieldTables,
  rootTable,
  type TableRef,
} from './flatbuffer-table'
import { METADATA_IDENTIFIER } from './metadata-writer'
import { metadataBuffer } from './tflite-model'

/** The parts of a model's metadata that Tasks relies on. */
export interface ReadMetadata {
  name: string | null
  minParserVersion: string | null
  input: {
    name: string | null
    /** 1 is RGB in the schema's ColorSpaceType. */
    colorSpace: number
    mean: number[]
    std: number[]
  }
  outputNames: (string | null)[]
  /** Per output, the name of its labels file, if it has one. */
  outputLabelsFiles: (string | null)[]
}

/** Name of the metadata entry MediaPipe Tasks reads. */
export const TFLITE_METADATA = 'TFLITE_METADATA'

function normalizationOf(tensor: TableRef): { mean: number[]; std: number[] } {
  for (const unit of fieldTables(tensor, 4)) {
    const type = unit.bb.readUint8(unit.pos + unit.bb.__offset(unit.pos, 4))
    const options = fieldTable(unit, 1)
    if (type === 1 && options) {
      return {
        mean: fieldNumbers(options, 0, 'float32'),
        std: fieldNumbers(options, 1, 'float32'),
      }
    }
  }
  return { mean: [], std: [] }
}

function colorSpaceOf(tensor: TableRef): number {
  const properties = fieldTable(fieldTable(tensor, 3) ?? tensor, 1)
  if (!properties || properties.bb.__offset(properties.pos, 4) === 0) {
    return 0
  }
  return properties.bb.readInt8(
    properties.pos + properties.bb.__offset(properties.pos, 4),
  )
}

/** Parse the model's TFLITE_METADATA, or null when it has none. */
export function readModelMetadata(model: Uint8Array): ReadMetadata | null {
  const bytes = metadataBuffer(model, TFLITE_METADATA)
  if (!bytes) {
    return null
  }
  const root = rootTable(bytes)
  if (!root.bb.__has_identifier(METADATA_IDENTIFIER)) {
    throw new Error('TFLITE_METADATA is not a ModelMetadata (M001) buffer.')
  }
  const subgraph = fieldTables(root, 3)[0]
  const input = subgraph ? fieldTables(subgraph, 2)[0] : undefined
  const outputs = subgraph ? fieldTables(subgraph, 3) : []
  return {
    name: fieldString(root, 0),
    minParserVersion: fieldString(root, 7),
    input: {
      name: input ? fieldString(input, 0) : null,
      colorSpace: input ? colorSpaceOf(input) : 0,
      ...(input ? normalizationOf(input) : { mean: [], std: [] }),
    },
    outputNames: outputs.map((output) => fieldString(output, 0)),
    outputLabelsFiles: outputs.map((output) => {
      const file = fieldTables(output, 6)[0]
      return file ? fieldString(file, 0) : null
    }),
  }
}
