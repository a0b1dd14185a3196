/**
 * Adds a named metadata buffer to a TFLite model without rebuilding it.
 *
 * FlatBuffer offsets only point forward, so the new parts go in front: a new
 * root `Model` table whose fields point into the original file, which
 * follows unchanged (its own root offset and identifier become unused
 * bytes). Only the `buffers` and `metadata` vectors are written anew, each
 * the old entries plus one. The original starts on a 16-byte boundary, the
 * alignment TFLite gives buffer data, so every weight stays aligned.
 */
import { Builder } from 'flatbuffers'
import {
  fieldPosition,
  fieldString,
  fieldTables,
  slotCount,
} from './flatbuffer-table'
import { ENTRY_SLOTS, MODEL_SLOTS, modelRoot } from './tflite-model'

const ALIGNMENT = 16

function offsetVector(builder: Builder, offsets: number[]): number {
  builder.startVector(4, offsets.length, 4)
  for (let i = offsets.length - 1; i >= 0; i--) {
    builder.addOffset(offsets[i] ?? 0)
  }
  return builder.endVector()
}

/**
 * Return a copy of the model with `data` stored as metadata entry `name`,
 * replacing an entry of that name if there is one.
 */
export function spliceMetadata(
  model: Uint8Array,
  name: string,
  data: Uint8Array,
): Uint8Array {
  const root = modelRoot(model)
  const slots = slotCount(root)
  if (slots > MODEL_SLOTS.signatureDefs + 1) {
    throw new Error('The model has Model fields this step does not know.')
  }
  const builder = new Builder(model.length + data.length + 1024)

  // The original bytes, written first so they end up last.
  builder.prep(ALIGNMENT, model.length)
  const originalEnd = builder.createByteVector(model) - 4
  const inOriginal = (absolute: number) => originalEnd - absolute

  builder.startVector(1, data.length, ALIGNMENT)
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addInt8(data[i] ?? 0)
  }
  const dataVector = builder.endVector()
  builder.startObject(1)
  builder.addFieldOffset(ENTRY_SLOTS.bufferData, dataVector, 0)
  const newBuffer = builder.endObject()

  const buffers = fieldTables(root, MODEL_SLOTS.buffers)
  const bufferVector = offsetVector(builder, [
    ...buffers.map((buffer) => inOriginal(buffer.pos)),
    newBuffer,
  ])

  const kept = fieldTables(root, MODEL_SLOTS.metadata).filter(
    (entry) => fieldString(entry, ENTRY_SLOTS.metadataName) !== name,
  )
  const entryName = builder.createString(name)
  builder.startObject(2)
  builder.addFieldOffset(ENTRY_SLOTS.metadataName, entryName, 0)
  builder.addFieldInt32(ENTRY_SLOTS.metadataBuffer, buffers.length, -1)
  const newEntry = builder.endObject()
  const metadataVector = offsetVector(builder, [
    ...kept.map((entry) => inOriginal(entry.pos)),
    newEntry,
  ])

  builder.startObject(Math.max(slots, MODEL_SLOTS.metadata + 1))
  for (let slot = 0; slot < slots; slot++) {
    const at = fieldPosition(root, slot)
    if (at === null || slot === MODEL_SLOTS.buffers) {
      continue
    }
    if (slot === MODEL_SLOTS.metadata) {
      continue
    }
    if (slot === MODEL_SLOTS.version) {
      builder.addFieldInt32(slot, root.bb.readUint32(at), -1)
    } else {
      builder.addFieldOffset(slot, inOriginal(root.bb.__indirect(at)), 0)
    }
  }
  builder.addFieldOffset(MODEL_SLOTS.buffers, bufferVector, 0)
  builder.addFieldOffset(MODEL_SLOTS.metadata, metadataVector, 0)
  builder.finish(builder.endObject(), 'TFL3')
  return builder.asUint8Array().slice()
}
