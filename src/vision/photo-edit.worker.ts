/**
 * The photo editor's worker: it keeps the full-size pixels of the open
 * photos and does every step that touches all of them — decoding the file
 * into pixels, redaction and the background effects, the PNG export and
 * the history thumbnail — so that a large photo never holds up the page's
 * thread. The page sends files and plain settings and gets a preview-sized
 * bitmap and blobs back (comlink carries the calls).
 */
/// <reference lib="webworker" />
import { expose, transfer } from 'comlink'
import type { Mask } from './mask-compositing'
import { applyEdit, type PhotoEdit } from './photo-effects'
import type { Pixels } from './pixels'
import { thumbnailBlob } from './thumbnail'

/**
 * The edit of one open photo. The background picture is another open
 * photo, and the person's mask is the one last set for this photo, used
 * only when `maskId` names it (so a stale mask is never applied).
 */
export type EditRequest = Omit<PhotoEdit, 'backgroundImage' | 'mask'> & {
  backgroundId: number | null
  maskId: number | null
}

const photos = new Map<number, Pixels>()
/** Per photo, its masks by id: the newest and the one before it. */
const masks = new Map<number, Map<number, Mask>>()
/** Photos being decoded; one forgotten meanwhile is dropped when done. */
const opening = new Set<number>()

function context2d(canvas: OffscreenCanvas) {
  const context = canvas.getContext('2d')
  if (!context) {
    // The browser gives no canvas when it cannot find the memory for one.
    throw new Error('No memory for a canvas of this size.')
  }
  return context
}

function edited(id: number, edit: EditRequest): OffscreenCanvas {
  const photo = photos.get(id)
  if (!photo) {
    throw new Error(`Photo ${id} is not open.`)
  }
  const { backgroundId, maskId, ...rest } = edit
  const result = applyEdit(photo, {
    ...rest,
    mask: maskId === null ? null : (masks.get(id)?.get(maskId) ?? null),
    backgroundImage:
      backgroundId === null ? null : (photos.get(backgroundId) ?? null),
  })
  const canvas = new OffscreenCanvas(result.width, result.height)
  // putImageData copies the pixels; the ImageData only wraps them.
  context2d(canvas).putImageData(
    new ImageData(
      result.data as Uint8ClampedArray<ArrayBuffer>,
      result.width,
      result.height,
    ),
    0,
    0,
  )
  return canvas
}

const api = {
  /** Decode `file` and keep its pixels as photo `id`. */
  async open(id: number, file: Blob): Promise<void> {
    opening.add(id)
    // EXIF orientation is applied, as for detection, so boxes line up.
    const bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
    })
    if (!opening.delete(id)) {
      // Forgotten while it was decoding: keep nothing of it.
      bitmap.close()
      return
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const context = context2d(canvas)
    context.drawImage(bitmap, 0, 0)
    bitmap.close()
    photos.set(id, context.getImageData(0, 0, canvas.width, canvas.height))
  },

  /**
   * `file` decoded and scaled to `width` × `height`, for detection. The
   * browser scales a decoded image on the thread that asked for it, which
   * for a large photo takes the page over 100 ms: here it takes none of it.
   */
  async scaled(file: Blob, width: number, height: number) {
    const bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    })
    return transfer(bitmap, [bitmap])
  },

  /**
   * The person's mask for photo `id`, sent once rather than with every
   * edit: for a large photo it is many megabytes.
   */
  setMask(id: number, maskId: number, mask: Mask): void {
    // The one before stays until the page has moved on to this one, so a
    // render asked for in between still gets its mask.
    const known = masks.get(id)
    const newest = known ? [...known].at(-1) : undefined
    masks.set(id, new Map(newest ? [newest, [maskId, mask]] : [[maskId, mask]]))
  },

  /** Let go of photo `id`. */
  forget(id: number): void {
    opening.delete(id)
    photos.delete(id)
    masks.delete(id)
  },

  /**
   * The edited photo for the preview, at most `maxSide` pixels along its
   * longer side: handing a bitmap to the page costs the page time in
   * proportion to its pixels, and a screen shows no more anyway.
   */
  render(id: number, edit: EditRequest, maxSide: number): ImageBitmap {
    const full = edited(id, edit)
    const scale = Math.min(1, maxSide / Math.max(full.width, full.height))
    let shown = full
    if (scale < 1) {
      shown = new OffscreenCanvas(
        Math.max(1, Math.round(full.width * scale)),
        Math.max(1, Math.round(full.height * scale)),
      )
      context2d(shown).drawImage(full, 0, 0, shown.width, shown.height)
    }
    const bitmap = shown.transferToImageBitmap()
    return transfer(bitmap, [bitmap])
  },

  /**
   * The edited photo as a PNG (no EXIF, no GPS) and its thumbnail. The
   * edit is rendered again at full size rather than kept from the last
   * preview: keeping it would hold another full-size copy per photo (64 MB
   * at 16 MP) to save one render of about 2 s on the rare export.
   */
  async export(
    id: number,
    edit: EditRequest,
  ): Promise<{ png: Blob; thumbnail: Blob }> {
    const canvas = edited(id, edit)
    const [png, thumbnail] = await Promise.all([
      canvas.convertToBlob({ type: 'image/png' }),
      thumbnailBlob(canvas),
    ])
    return { png, thumbnail }
  },
}

/** What the page can ask the photo worker. */
export type PhotoEditApi = typeof api

expose(api)
