/**
 * Just enough FlatBuffers reading to walk a TFLite model or a metadata
 * buffer without generated code: tables, their fields by slot, vectors and
 * strings. Positions are absolute byte offsets into the buffer.
 */
import { ByteBuffer } from 'flatbuffers'

/** A table in a FlatBuffer: the buffer and the table's absolute position. */
export interface TableRef {
  bb: ByteBuffer
  pos: number
}

/** Wrap bytes and return the root table. */
export function rootTable(bytes: Uint8Array): TableRef {
  const bb = new ByteBuffer(bytes)
  return { bb, pos: bb.readUint32(0) }
}

/** The number of field slots a table's vtable declares. */
export function slotCount(table: TableRef): number {
  const vtable = table.pos - table.bb.readInt32(table.pos)
  return (table.bb.readUint16(vtable) - 4) / 2
}

/** Absolute position of a field's storage, or null when it is absent. */
export function fieldPosition(table: TableRef, slot: number): number | null {
  const relative = table.bb.__offset(table.pos, 4 + 2 * slot)
  return relative === 0 ? null : table.pos + relative
}

/** Absolute position of the object an offset field points at, or null. */
export function fieldTarget(table: TableRef, slot: number): number | null {
  const at = fieldPosition(table, slot)
  return at === null ? null : table.bb.__indirect(at)
}

/** A uint32 scalar field, or its default. */
export function fieldUint32(table: TableRef, slot: number, fallback = 0) {
  const at = fieldPosition(table, slot)
  return at === null ? fallback : table.bb.readUint32(at)
}

/** A sub-table field, or null when absent. */
export function fieldTable(table: TableRef, slot: number): TableRef | null {
  const target = fieldTarget(table, slot)
  return target === null ? null : { bb: table.bb, pos: target }
}

/** A string field, or null when absent. */
export function fieldString(table: TableRef, slot: number): string | null {
  const at = fieldPosition(table, slot)
  return at === null ? null : (table.bb.__string(at) as string)
}

/** The tables of a vector-of-tables field (empty when absent). */
export function fieldTables(table: TableRef, slot: number): TableRef[] {
  const at = fieldPosition(table, slot)
  if (at === null) {
    return []
  }
  const start = table.bb.__vector(at)
  const length = table.bb.__vector_len(at)
  const tables: TableRef[] = []
  for (let i = 0; i < length; i++) {
    tables.push({ bb: table.bb, pos: table.bb.__indirect(start + 4 * i) })
  }
  return tables
}

/** The values of a vector of int32 or float32 (empty when absent). */
export function fieldNumbers(
  table: TableRef,
  slot: number,
  kind: 'int32' | 'float32',
): number[] {
  const at = fieldPosition(table, slot)
  if (at === null) {
    return []
  }
  const start = table.bb.__vector(at)
  const values: number[] = []
  for (let i = 0; i < table.bb.__vector_len(at); i++) {
    values.push(
      kind === 'int32'
        ? table.bb.readInt32(start + 4 * i)
        : table.bb.readFloat32(start + 4 * i),
    )
  }
  return values
}

/** The bytes of a vector-of-ubyte field, or null when absent. */
export function fieldBytes(table: TableRef, slot: number): Uint8Array | null {
  const at = fieldPosition(table, slot)
  if (at === null) {
    return null
  }
  const start = table.bb.__vector(at)
  return table.bb.bytes().subarray(start, start + table.bb.__vector_len(at))
}
