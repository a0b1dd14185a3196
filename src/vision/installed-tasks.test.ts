import { describe, expect, it } from 'vitest'
import type { InstalledModel } from '../ai/install-types'
import {
  classLines,
  objectLine,
  objectsSummary,
  offeredTasks,
} from './installed-tasks'

function model(overrides: Partial<InstalledModel>): InstalledModel {
  return {
    id: 'm',
    name: 'm',
    kind: 'vision',
    file: 'm',
    bytes: 1,
    sha256: 'a'.repeat(64),
    hashVerified: false,
    sourceUrl: 'https://example.test/m.tflite',
    installedAt: 1,
    ...overrides,
  }
}

describe('offeredTasks', () => {
  it('offers nothing when no vision model is installed', () => {
    expect(offeredTasks([model({ kind: 'llm' })])).toEqual([])
  })

  it('leaves out a vision model that is marked with no task', () => {
    expect(offeredTasks([model({})])).toEqual([])
  })

  it('offers only the tasks whose models are installed', () => {
    const detector = model({ id: 'det', visionTask: 'object-detection' })
    expect(offeredTasks([detector])).toEqual([
      { task: 'object-detection', action: 'Detect objects', model: detector },
    ])
  })

  it('offers detection before classification, each from the newest model', () => {
    const old = model({ id: 'old', visionTask: 'object-detection' })
    const fresh = model({
      id: 'new',
      visionTask: 'object-detection',
      installedAt: 5,
    })
    const classifier = model({ id: 'c', visionTask: 'image-classification' })
    expect(
      offeredTasks([classifier, old, fresh]).map((offer) => [
        offer.action,
        offer.model.id,
      ]),
    ).toEqual([
      ['Detect objects', 'new'],
      ['Classify image', 'c'],
    ])
  })
})

describe('result text', () => {
  it('counts objects in words', () => {
    expect(objectsSummary(0)).toBe('No objects found')
    expect(objectsSummary(1)).toBe('1 object found')
    expect(objectsSummary(3)).toBe('3 objects found')
  })

  it('writes an object with its label, rounded score and whole-pixel box', () => {
    expect(
      objectLine(0, {
        label: 'cup',
        score: 0.876,
        x: 10.4,
        y: 20.6,
        width: 30.5,
        height: 40,
      }),
    ).toBe('Object 1: cup (88 %) at 10, 21, 31 × 40')
  })

  it('names the first class as the top class and numbers the rest', () => {
    expect(
      classLines([
        { label: 'espresso', score: 0.61 },
        { label: 'cup', score: 0.2 },
      ]),
    ).toEqual(['Top class: espresso (61 %)', 'Class 2: cup (20 %)'])
    expect(classLines([])).toEqual(['No class found'])
  })
})
