/**
 * The edited photo on a canvas, with the found faces outlined on top. The
 * outlines are an overlay, not drawn into the pixels, so they never end up
 * in the export. The photo worker renders the pixels.
 */
import { useEffect, useRef } from 'react'
import type { FoundFace } from './face-list'

/**
 * Shows a bitmap scaled to the page width, with face outlines given in the
 * photo's own pixels (`width` × `height`); the bitmap may be smaller.
 */
export function PhotoPreview(props: {
  bitmap: ImageBitmap
  width: number
  height: number
  faces: FoundFace[]
  label: string
  /** True while a newer edit is being rendered. */
  busy: boolean
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const { bitmap, width, height } = props

  useEffect(() => {
    // The bitmap is handed to the canvas, not copied: the page's thread
    // does no pixel work, whatever the photo's size. It is the canvas's
    // from now on, so it is not closed here.
    canvas.current
      ?.getContext('bitmaprenderer')
      ?.transferFromImageBitmap(bitmap)
  }, [bitmap])

  return (
    <figure className="photo-preview" aria-busy={props.busy}>
      <canvas
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={props.label}
      />
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {props.faces.map((face, index) => (
          <rect
            key={index}
            x={face.box.x}
            y={face.box.y}
            width={face.box.width}
            height={face.box.height}
            className={face.redact ? 'face-on' : 'face-off'}
          />
        ))}
      </svg>
    </figure>
  )
}
