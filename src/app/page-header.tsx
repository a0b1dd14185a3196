/**
 * The heading of a module page, taken from the module catalog so the menu
 * and the page always agree.
 */
import { moduleById, type ModuleId } from '../core/modules'

/** A module page's title and one-line summary. */
export function PageHeader(props: { module: ModuleId }) {
  const entry = moduleById(props.module)
  return (
    <header className="page-header">
      <h1>{entry.title}</h1>
      <p>{entry.summary}</p>
    </header>
  )
}
