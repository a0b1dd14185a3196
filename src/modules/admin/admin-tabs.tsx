/**
 * Tabs for the admin module's sections, following the WAI-ARIA tabs
 * pattern: one tab stop, arrow keys move between tabs, Home and End jump to
 * the ends. A panel is mounted the first time it is opened and then kept,
 * hidden, so switching back keeps its filters and scroll position.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

/** One section of the admin module. */
export interface AdminTab {
  id: string
  label: string
  render: () => ReactNode
}

/** The tab list and its panels. */
export function AdminTabs(props: { tabs: readonly AdminTab[] }) {
  const { tabs } = props
  const [active, setActive] = useState(tabs[0]?.id ?? '')
  const [opened, setOpened] = useState<ReadonlySet<string>>(
    () => new Set(tabs[0] ? [tabs[0].id] : []),
  )
  const buttons = useRef(new Map<string, HTMLButtonElement>())

  function open(id: string, focus: boolean) {
    setActive(id)
    setOpened((previous) => new Set(previous).add(id))
    if (focus) {
      buttons.current.get(id)?.focus()
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === active)
    const last = tabs.length - 1
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    const tab = target === null ? undefined : tabs[target]
    if (tab) {
      event.preventDefault()
      open(tab.id, true)
    }
  }

  return (
    <>
      <div
        className="admin-tabs"
        role="tablist"
        aria-label="Admin sections"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) {
                buttons.current.set(tab.id, element)
              } else {
                buttons.current.delete(tab.id)
              }
            }}
            type="button"
            role="tab"
            id={`admin-tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`admin-panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => open(tab.id, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`admin-panel-${tab.id}`}
          aria-labelledby={`admin-tab-${tab.id}`}
          hidden={tab.id !== active}
          className="admin-panel"
        >
          {opened.has(tab.id) ? tab.render() : null}
        </div>
      ))}
    </>
  )
}
