/**
 * Reads the parts of a TFLite model (schema `TFL3`) that the metadata step
 * needs: the main subgraph's input and output tensors, and the named
 * metadata entries with the buffers they point at.
 */
import {
  fieldBytes,
  fieldNumbers,
  fieldString,
  fieldTables,
  fieldUint32,
  rootTable,
  type TableRef,
} from './flatbuffer-table'

/** Field slots of TFLite's `Model` table, in schema order. */
export const MODEL_SLOTS = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
} as const

const SUBGRAPH_TENSORS = 0
const SUBGRAPH_INPUTS = 1
const SUBGRAPH_OUTPUTS = 2
const TENSOR_SHAPE = 0
const TENSOR_NAME = 3
const METADATA_NAME = 0
const METADATA_BUFFER = 1
const BUFFER_DATA = 0

/** One input or output tensor of the main subgraph. */
export interface TensorInfo {
  name: string
  shape: number[]
}

/** What the metadata step needs to know about a model. */
export interface ModelInfo {
  inputs: TensorInfo[]
  outputs: TensorInfo[]
  /** Names of the model's metadata entries, such as `min_runtime_version`. */
  metadataNames: string[]
}

/** The model's root table, after checking its file identifier. */
export function modelRoot(bytes: Uint8Array): TableRef {
  const root = rootTable(bytes)
  if (!root.bb.__has_identifier('TFL3')) {
    throw new Error('Not a TFLite model: the file identifier is not TFL3.')
  }
  return root
}

function tensorsAt(subgraph: TableRef, slot: number): TensorInfo[] {
  const tensors = fieldTables(subgraph, SUBGRAPH_TENSORS)
  return fieldNumbers(subgraph, slot, 'int32').map((index) => {
    const tensor = tensors[index]
    if (!tensor) {
      throw new Error(`The subgraph names tensor ${index}, which is missing.`)
    }
    return {
      name: fieldString(tensor, TENSOR_NAME) ?? `tensor_${index}`,
      shape: fieldNumbers(tensor, TENSOR_SHAPE, 'int32'),
    }
  })
}

/** Describe a model's main subgraph and its metadata entries. */
export function describeModel(bytes: Uint8Array): ModelInfo {
  const root = modelRoot(bytes)
  const subgraph = fieldTables(root, MODEL_SLOTS.subgraphs)[0]
  if (!subgraph) {
    throw new Error('The model has no subgraph.')
  }
  return {
    inputs: tensorsAt(subgraph, SUBGRAPH_INPUTS),
    outputs: tensorsAt(subgraph, SUBGRAPH_OUTPUTS),
    metadataNames: fieldTables(root, MODEL_SLOTS.metadata).map(
      (entry) => fieldString(entry, METADATA_NAME) ?? '',
    ),
  }
}

/** The bytes of the buffer a named metadata entry points at, or null. */
export function metadataBuffer(
  bytes: Uint8Array,
  name: string,
): Uint8Array | null {
  const root = modelRoot(bytes)
  const entry = fieldTables(root, MODEL_SLOTS.metadata).find(
    (candidate) => fieldString(candidate, METADATA_NAME) === name,
  )
  if (!entry) {
    return null
  }
  const buffer = fieldTables(root, MODEL_SLOTS.buffers)[
    fieldUint32(entry, METADATA_BUFFER)
  ]
  return buffer ? fieldBytes(buffer, BUFFER_DATA) : null
}

/** Field slots of the `Metadata` and `Buffer` tables, for the writer. */
export const ENTRY_SLOTS = {
  metadataName: METADATA_NAME,
  metadataBuffer: METADATA_BUFFER,
  bufferData: BUFFER_DATA,
} as const
