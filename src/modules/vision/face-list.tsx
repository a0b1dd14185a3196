/**
 * The faces found, as text ("N faces found", "Face N: x, y, w × h" in the
 * original photo's pixels) with a checkbox per face to redact it or not.
 */
import { faceLine, facesSummary } from '../../vision/results-text'
import type { FaceDetection } from '../../vision/vision-protocol'

/** One found face and whether it is redacted. */
export interface FoundFace {
  box: FaceDetection
  redact: boolean
}

/** The list of found faces with their toggles. */
export function FaceList(props: {
  faces: FoundFace[]
  onToggle: (index: number) => void
}) {
  return (
    <section aria-labelledby="faces-heading">
      <h2 id="faces-heading">Faces</h2>
      <p role="status">{facesSummary(props.faces.length)}</p>
      <ul className="face-list">
        {props.faces.map((face, index) => (
          <li key={index}>
            <label>
              <input
                type="checkbox"
                checked={face.redact}
                onChange={() => props.onToggle(index)}
              />{' '}
              {faceLine(index, face.box)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  )
}
