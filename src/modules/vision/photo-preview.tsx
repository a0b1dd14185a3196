/**
 * The edited photo on a canvas, with the found faces outlined on top. The
 * outlines are an overlay, not drawn into the pixels, so they never end up
 * in the export.
 */
import { useEffect, useRef } from 'react'
import type { Pixels } from '../../vision/pixels'
import type { FoundFace } from './face-list'

/** Shows pixels scaled to the page width, with face outlines. */
export function PhotoPreview(props: {
  pixels: Pixels
  faces: FoundFace[]
  label: string
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const { pixels } = props

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    context?.putImageData(
      new ImageData(
        new Uint8ClampedArray(pixels.data),
        pixels.width,
        pixels.height,
      ),
      0,
      0,
    )
  }, [pixels])

  return (
    <figure className="photo-preview">
      <canvas
        ref={canvas}
        width={pixels.width}
        height={pixels.height}
        role="img"
        aria-label={props.label}
      />
      <svg viewBox={`0 0 ${pixels.width} ${pixels.height}`} aria-hidden="true">
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
