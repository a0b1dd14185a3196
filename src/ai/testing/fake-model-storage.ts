/**
 * An in-memory ModelStorage for the installer's tests: files are byte
 * arrays in a map, and the quota is whatever the test sets.
 */
import type {
  FileAppender,
  InstalledModel,
  ModelStorage,
} from '../install-types'

/** A ModelStorage kept in a Map, with its moves recorded. */
export class FakeModelStorage implements ModelStorage {
  readonly files = new Map<string, Uint8Array>()
  readonly moves: [string, string][] = []
  index: InstalledModel[] = []
  quota: number | null = null
  usage = 0
  persistAsked = false

  async size(name: string) {
    return this.files.get(name)?.length ?? null
  }

  async *read(name: string) {
    const bytes = this.files.get(name) ?? new Uint8Array()
    for (let at = 0; at < bytes.length; at += 7) {
      yield bytes.subarray(at, at + 7)
    }
  }

  async append(name: string, keep: boolean): Promise<FileAppender> {
    if (!keep || !this.files.has(name)) {
      this.files.set(name, new Uint8Array())
    }
    return {
      write: async (chunk) => {
        const before = this.files.get(name) ?? new Uint8Array()
        const next = new Uint8Array(before.length + chunk.length)
        next.set(before)
        next.set(chunk, before.length)
        this.files.set(name, next)
      },
      close: async () => {},
    }
  }

  async move(from: string, to: string) {
    const bytes = this.files.get(from)
    if (!bytes) throw new Error(`no file ${from}`)
    this.files.delete(from)
    this.files.set(to, bytes)
    this.moves.push([from, to])
  }

  async remove(name: string) {
    this.files.delete(name)
  }

  async names() {
    return [...this.files.keys()]
  }

  async readIndex() {
    return this.index
  }

  async writeIndex(models: InstalledModel[]) {
    this.index = models
  }

  async estimate() {
    return { usage: this.usage, quota: this.quota }
  }

  async persist() {
    this.persistAsked = true
    return true
  }
}
