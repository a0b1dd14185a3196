/**
 * A plain notice for the parts of a module that do not exist yet, so a user
 * is never left guessing whether a page is broken or simply unfinished.
 */
import type { ReactNode } from 'react'

/** Say what a module will do, and that it does not do it yet. */
export function NotBuiltYet(props: { children: ReactNode }) {
  return (
    <aside className="not-built" aria-label="Not built yet">
      <strong>Not built yet.</strong> {props.children}
    </aside>
  )
}
