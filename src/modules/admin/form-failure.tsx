/**
 * How the admin forms show a refused request: the catalog message for the
 * code, and the server's word on each field, in one alert.
 */
import { messageFor } from '../../core/errors'
import { ApiRequestError } from '../../net/api-client'

/** A refused request as a form shows it. */
export interface FormFailure {
  message: string
  /** The server's message per field path, such as `password`. */
  fields: Record<string, string>
}

/** Turn whatever a request threw into words for the form. */
export function formFailure(error: unknown): FormFailure {
  if (!(error instanceof ApiRequestError)) {
    return { message: messageFor('server_error'), fields: {} }
  }
  const fields: Record<string, string> = {}
  for (const field of error.fields) {
    fields[field.path] ??= field.message
  }
  return { message: error.message, fields }
}

/** The alert under a form; renders nothing without a failure. */
export function FormAlert(props: { failure: FormFailure | null }) {
  if (!props.failure) {
    return null
  }
  const details = Object.entries(props.failure.fields)
  return (
    <div className="form-error" role="alert">
      <p>{props.failure.message}</p>
      {details.length > 0 ? (
        <ul>
          {details.map(([path, message]) => (
            <li key={path}>
              {labelFor(path)}: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function labelFor(path: string): string {
  const [head] = path.split('.')
  switch (head) {
    case 'username':
      return 'Username'
    case 'displayName':
      return 'Display name'
    case 'password':
      return 'Password'
    case 'roles':
      return 'Roles'
    default:
      return path
  }
}
