/**
 * Whether a download response can be written to the model file, and from
 * which byte: a pure check of status and headers, so what counts as a
 * web page, a wrong range or a missing length is decided in one place.
 */
import type { ErrorCode } from '../core/errors'
import type { RangeResponse } from './install-types'

/** What to do with a response, or why it is refused. */
export type ResponseCheck =
  | {
      /** The whole file's length, when the server says. */
      total: number | null
      /** The server ignored the Range: start the file again. */
      restart: boolean
    }
  | { refused: ErrorCode; detail: string }

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/

/** Check a response to a request that asked to start at `offset`. */
export function validateResponse(
  response: Pick<RangeResponse, 'status' | 'header'>,
  offset: number,
): ResponseCheck {
  const type = response.header('content-type') ?? ''
  if (/text\/html|application\/xhtml/i.test(type)) {
    return { refused: 'model_not_a_file', detail: `content-type ${type}` }
  }
  if (response.status === 206) {
    const match = CONTENT_RANGE.exec(response.header('content-range') ?? '')
    if (!match || Number(match[1]) !== offset) {
      return {
        refused: 'model_download_failed',
        detail: `range ${response.header('content-range') ?? 'missing'} for byte ${offset}`,
      }
    }
    return {
      total: match[3] === '*' ? null : Number(match[3]),
      restart: false,
    }
  }
  if (response.status === 200) {
    const length = response.header('content-length')
    return {
      total: length === null ? null : Number(length),
      restart: offset > 0,
    }
  }
  return {
    refused: 'model_download_failed',
    detail: `the server answered ${response.status}`,
  }
}
