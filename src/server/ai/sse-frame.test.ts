import { describe, expect, it } from 'vitest'
import {
  eventsAfter,
  frameComment,
  frameEvent,
  parseLastEventId,
  type SseEvent,
} from './sse-frame'

describe('frameEvent', () => {
  it('writes id, event and data lines ending with a blank line', () => {
    const text = frameEvent({ id: 3, event: 'token', data: { text: 'Hi' } })
    expect(text).toBe('id: 3\nevent: token\ndata: {"text":"Hi"}\n\n')
  })

  it('keeps line breaks inside the data escaped on one data line', () => {
    const text = frameEvent({ id: 1, event: 'token', data: { text: 'a\nb' } })
    expect(text.split('\n').filter((line) => line.startsWith('data:'))).toEqual(
      ['data: {"text":"a\\nb"}'],
    )
  })

  it('keeps multi-byte characters as they are', () => {
    const text = frameEvent({ id: 2, event: 'token', data: { text: 'é😀' } })
    expect(text).toContain('"é😀"')
  })
})

describe('frameComment', () => {
  it('writes a comment that cannot break out of its line', () => {
    expect(frameComment('ping\nid: 9')).toBe(': ping id: 9\n\n')
  })
})

describe('parseLastEventId', () => {
  it('reads a whole number', () => {
    expect(parseLastEventId(' 12 ')).toBe(12)
  })

  it('ignores a missing or malformed id', () => {
    expect(parseLastEventId(undefined)).toBeNull()
    expect(parseLastEventId('abc')).toBeNull()
    expect(parseLastEventId('-1')).toBeNull()
    expect(parseLastEventId('1.5')).toBeNull()
  })
})

describe('eventsAfter', () => {
  const events: SseEvent[] = [1, 2, 3].map((id) => ({
    id,
    event: 'token',
    data: { text: String(id) },
  }))

  it('replays only what came after the last seen id', () => {
    expect(eventsAfter(events, 1).map((event) => event.id)).toEqual([2, 3])
  })

  it('replays everything when nothing was seen', () => {
    expect(eventsAfter(events, null)).toHaveLength(3)
  })

  it('replays nothing when the client saw the end', () => {
    expect(eventsAfter(events, 3)).toEqual([])
  })
})
