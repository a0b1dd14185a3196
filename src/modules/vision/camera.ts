/**
 * The camera: opening it with a code a user can read when that fails,
 * releasing it completely, and taking one still from the preview. Stopping
 * every track is what turns the camera's light off; pausing the video or
 * dropping the stream is not enough.
 */
import { messageFor } from '../../core/errors'
import { VisionError } from '../../vision/vision-client'

/** The code for a failed getUserMedia, from the DOMException's name. */
export function cameraErrorCode(
  error: unknown,
): 'camera_denied' | 'camera_missing' {
  const name = error instanceof Error ? error.name : ''
  // NotFound: no camera; Overconstrained: none that fits; NotReadable: a
  // camera that is there but cannot be opened (in use or broken).
  if (
    name === 'NotFoundError' ||
    name === 'OverconstrainedError' ||
    name === 'NotReadableError'
  ) {
    return 'camera_missing'
  }
  return 'camera_denied'
}

/** Open the camera, preferring the one facing the user. */
export async function openCamera(): Promise<MediaStream> {
  if (!('mediaDevices' in navigator)) {
    // Only in an insecure context; the app is always served securely.
    throw new VisionError('camera_missing', messageFor('camera_missing'))
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'user', width: { ideal: 640 } },
      audio: false,
    })
  } catch (error) {
    const code = cameraErrorCode(error)
    throw new VisionError(code, messageFor(code))
  }
}

/** Release the camera: every track is stopped. */
export function closeCamera(stream: MediaStream): void {
  for (const track of stream.getTracks()) {
    track.stop()
  }
}

/** The current preview frame as a PNG file, for the photo editor. */
export async function takePhoto(video: HTMLVideoElement): Promise<File> {
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight)
  canvas.getContext('2d')?.drawImage(video, 0, 0)
  const blob = await canvas.convertToBlob({ type: 'image/png' })
  const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-')
  return new File([blob], `camera-${stamp}.png`, { type: 'image/png' })
}
