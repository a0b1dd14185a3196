/**
 * What a route shows when it fails, most often because its chunk could not
 * be loaded (the connection dropped, or a new version was deployed under an
 * open tab). It says so plainly and offers Retry, which reloads the page.
 */
import type { ErrorComponentProps } from '@tanstack/react-router'
import { logger } from './logger'

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  )
}

/** The router's error component. */
export function RouteError({ error }: ErrorComponentProps) {
  const chunk = isChunkLoadError(error)
  logger.error(chunk ? 'module code failed to load' : 'route failed', error)

  return (
    <section className="route-error" role="alert">
      <h1>
        {chunk ? 'This page could not be loaded' : 'Something went wrong'}
      </h1>
      <p>
        {chunk
          ? 'Its code did not arrive, perhaps because the connection dropped or Enclave was updated. Check your connection, then retry.'
          : 'The page hit an error. Retry; if it keeps happening, tell an administrator.'}
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Retry
      </button>
    </section>
  )
}
