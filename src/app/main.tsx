/**
 * The browser entry point: restore the session, build the router, render.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from '@tanstack/react-router'
import { SessionProvider } from '../auth/session-context'
import { SessionStore } from '../auth/session-store'
import { indexedDbSessionKeeper } from '../db/session-keeper'
import { appUpdates } from './pwa/app-updates'
import { listenForInstallOffer } from './pwa/install-prompt'
import { createAppRouter } from './router'
import './styles.css'

const session = new SessionStore(indexedDbSessionKeeper)
const router = createAppRouter(session)
void session.start()
window.addEventListener('online', () => void session.reconnect())

listenForInstallOffer()
// The dev server has no service worker; only built apps register one.
if (import.meta.env.PROD) {
  appUpdates.register()
}

const container = document.getElementById('root')
if (!container) {
  throw new Error('index.html has no #root element')
}

createRoot(container).render(
  <StrictMode>
    <SessionProvider store={session}>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
)
