/**
 * The words that report vision results, shared by the page (where screen
 * readers and tests read them) and anything else that lists results.
 */
import type { Box } from './boxes'

/** "No faces found", "1 face found" or "N faces found". */
export function facesSummary(count: number): string {
  if (count === 0) {
    return 'No faces found'
  }
  return count === 1 ? '1 face found' : `${count} faces found`
}

/** "Face N: x, y, width × height", rounded to whole pixels. */
export function faceLine(index: number, box: Box): string {
  const [x, y, width, height] = [box.x, box.y, box.width, box.height].map(
    (value) => Math.round(value),
  )
  return `Face ${index + 1}: ${x}, ${y}, ${width} × ${height}`
}

/** "Person covers 54 % of the photo". */
export function personSummary(fraction: number): string {
  return `Person covers ${Math.round(fraction * 100)} % of the photo`
}
