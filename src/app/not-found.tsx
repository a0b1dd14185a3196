/**
 * The page for an address that matches no route.
 */
import { Link } from '@tanstack/react-router'

/** The router's not-found component. */
export function NotFound() {
  return (
    <main className="centered-page" id="main">
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <Link to="/">Go to the dashboard</Link>
    </main>
  )
}
