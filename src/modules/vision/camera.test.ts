import { describe, expect, it } from 'vitest'
import { cameraErrorCode } from './camera'

function domError(name: string): Error {
  const error = new Error('getUserMedia failed')
  error.name = name
  return error
}

describe('cameraErrorCode', () => {
  it('reads a refusal as camera denied', () => {
    expect(cameraErrorCode(domError('NotAllowedError'))).toBe('camera_denied')
    expect(cameraErrorCode(domError('SecurityError'))).toBe('camera_denied')
  })

  it('reads a missing or unusable camera as no camera', () => {
    expect(cameraErrorCode(domError('NotFoundError'))).toBe('camera_missing')
    expect(cameraErrorCode(domError('OverconstrainedError'))).toBe(
      'camera_missing',
    )
    expect(cameraErrorCode(domError('NotReadableError'))).toBe('camera_missing')
  })
})
