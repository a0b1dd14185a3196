/**
 * Error codes and the words a user reads for each. The server sends
 * `{error: {code, message}}`; the client shows the message from this catalog
 * when it knows the code, so the text stays the same on both sides.
 */

/** Every error code a user can meet. */
export const ERROR_MESSAGES = {
  invalid_credentials:
    'That username and password do not match. Check both and try again.',
  too_many_attempts:
    'Too many failed sign-in attempts. Wait a few minutes, then try again.',
  unauthenticated: 'You are not signed in. Sign in to continue.',
  token_invalid: 'Your session is not valid. Sign in again.',
  token_expired: 'Your session has expired. Sign in again.',
  session_revoked:
    'Your session was ended, for example because your account changed. Sign in again.',
  refresh_invalid: 'Your sign-in has expired. Sign in again.',
  refresh_reused:
    'Your sign-in was used from somewhere else, so every session for it was ended. Sign in again.',
  forbidden:
    'Your role does not allow this. Ask an administrator if you need it.',
  invalid_json: 'The request was not valid JSON.',
  invalid_request: 'Some fields are missing or not valid.',
  payload_too_large: 'The request is too large. Send less at once.',
  unsupported_media_type: 'Send the request as JSON.',
  not_found: 'There is nothing here.',
  rate_limited: 'Too many requests. Wait a moment, then try again.',
  weak_password:
    'That password is too easy to guess. Use at least 12 characters, and not a common password, a common word with digits added, or the username.',
  username_taken:
    'That username is already taken. Usernames ignore case, so choose another.',
  last_admin:
    'This is the last active administrator. Make another user an active admin first, then try again.',
  offline_session_expired:
    'You are offline, and the sign-in saved on this device has expired. Connect to the internet, then sign in again.',
  needs_connection:
    'This needs a connection to the server. It will work again when you are back online.',
  storage_full:
    'This device is out of storage space for Enclave, so it cannot keep what it needs to work offline. Free some space on the device, then try again.',
  network_unavailable:
    'The server cannot be reached. Check your connection and try again.',
  server_error:
    'Something went wrong on the server. Try again; if it keeps happening, tell an administrator.',
  cloud_unavailable:
    'The cloud model is not set up on this server, so only answers from this device are available. Ask an administrator to configure it.',
  cloud_not_permitted:
    'Your role does not allow the cloud model, and this device has no answer of its own for that. Ask an administrator if you need the cloud model.',
  upstream_error:
    'The cloud model stopped with an error before it finished. Press Regenerate to try again.',
  upstream_stalled:
    'The cloud model stopped sending its answer part way. Press Regenerate to try again; if it keeps happening, tell an administrator.',
  offline_no_cache:
    'You are offline, and this device has no saved answer to that question. Reconnect to ask the cloud model.',
  too_many_streams:
    'You already have as many answers running as allowed. Wait for one to finish or stop one, then try again.',
  generation_gone:
    'The connection was lost for too long, so the answer could not be resumed. Press Regenerate to ask again.',
  local_not_ready:
    'No model is installed on this device yet, and your engine choice allows only this device. Install a model or allow the cloud model.',
  camera_denied:
    'Enclave may not use the camera. Allow camera access for this site in the browser, then try again.',
  camera_missing: 'No camera was found. Connect one, or open a photo instead.',
  unsupported_image:
    'This file cannot be opened as a photo. Choose a JPEG, PNG or WebP image that is not damaged.',
  image_too_large:
    'This photo is too large to work on here. Choose one under 50 megapixels, or make it smaller first.',
  photo_edit_failed:
    'This photo could not be edited here. Try a smaller photo, or reload the page.',
  model_load_failed:
    'The vision model could not be loaded. Reload the page; if it keeps happening, tell an administrator.',
  model_integrity:
    'A model file did not match its checksum, so it was not used. Reload the page to fetch it again.',
  model_no_room:
    'There is not enough free storage on this device for that model. Free some space or choose a smaller model, then try again.',
  model_download_failed:
    'The model could not be downloaded. Check the address and your connection, then press Install again.',
  model_not_a_file:
    'That address answered with a web page, not a model file. Use the direct link to the file.',
  model_wrong_size:
    'The download was not the size the server announced, so it was discarded. Press Install to try again.',
  model_hash_mismatch:
    'The downloaded file does not match the SHA-256 you gave, so it was discarded. Check the hash and the address.',
  webgpu_unavailable:
    'This browser or device offers no usable WebGPU, so the on-device language model cannot run here. The cloud model can still answer if your role allows it.',
  model_invalid:
    'The installed file is not a valid model for the on-device engine. Delete it and install a MediaPipe .task or .litertlm model.',
  vision_model_invalid:
    'The installed file is not a valid MediaPipe model for this task. Delete it in Settings → Models and install the right .tflite model for the task.',
  model_load_timeout:
    'The model took too long to load and was stopped. It may not be a language model; delete it and install another.',
  model_out_of_memory:
    'The device ran out of memory loading the model. Close other tabs or choose a smaller model.',
  device_lost:
    'The graphics device stopped working, so the on-device model was unloaded. Other engines answer for the rest of this conversation; reload the page to try the device again.',
} as const

/** One error code, such as `'forbidden'`. */
export type ErrorCode = keyof typeof ERROR_MESSAGES

/** The body of every error response from the API. */
export interface ErrorBody {
  error: {
    code: ErrorCode
    message: string
    /** Per-field problems, for `invalid_request`. */
    fields?: FieldError[]
  }
}

/** One field that failed validation: a dotted path and what is wrong. */
export interface FieldError {
  path: string
  message: string
}

/** Whether a string is a known error code. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value)
}

/** The user-facing text for a code. */
export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code]
}
