/**
 * Which vision tasks the installed (not shipped) models offer, and the
 * words that report their results. Plain data in, plain data out, so the
 * page's choices and its text are tested in Node.
 */
import type { InstalledVisionTask } from '../../models/model-catalog'
import type { InstalledModel } from '../ai/install-types'
import type { Box } from './boxes'

/** An object the detector found, in the sent image's pixels. */
export interface ObjectDetection extends Box {
  label: string
  score: number
}

/** One class the classifier gave, best first. */
export interface ImageClass {
  label: string
  score: number
}

/** A task the page can offer, and the installed model that serves it. */
export interface OfferedTask {
  task: InstalledVisionTask
  /** The button's words: "Detect objects" or "Classify image". */
  action: string
  model: InstalledModel
}

const ACTIONS: Record<InstalledVisionTask, string> = {
  'object-detection': 'Detect objects',
  'image-classification': 'Classify image',
}

/**
 * The tasks to offer, in a fixed order, each served by the newest
 * installed model marked with it; a task with no model is left out.
 */
export function offeredTasks(models: readonly InstalledModel[]): OfferedTask[] {
  const tasks = Object.keys(ACTIONS) as InstalledVisionTask[]
  return tasks.flatMap((task) => {
    const model = [...models]
      .sort((a, b) => b.installedAt - a.installedAt)
      .find((entry) => entry.kind === 'vision' && entry.visionTask === task)
    return model ? [{ task, action: ACTIONS[task], model }] : []
  })
}

function percent(score: number): string {
  return `${Math.round(score * 100)} %`
}

/** "No objects found", "1 object found" or "N objects found". */
export function objectsSummary(count: number): string {
  if (count === 0) {
    return 'No objects found'
  }
  return count === 1 ? '1 object found' : `${count} objects found`
}

/** "Object N: label (score %) at x, y, width × height", whole pixels. */
export function objectLine(index: number, found: ObjectDetection): string {
  const [x, y, width, height] = [
    found.x,
    found.y,
    found.width,
    found.height,
  ].map((value) => Math.round(value))
  return `Object ${index + 1}: ${found.label} (${percent(found.score)}) at ${x}, ${y}, ${width} × ${height}`
}

/**
 * "Top class: label (score %)" then "Class N: label (score %)" for the
 * runners-up, best first; "No class found" for an empty list.
 */
export function classLines(classes: readonly ImageClass[]): string[] {
  if (classes.length === 0) {
    return ['No class found']
  }
  return classes.map(
    (found, index) =>
      `${index === 0 ? 'Top class' : `Class ${index + 1}`}: ${found.label} (${percent(found.score)})`,
  )
}
