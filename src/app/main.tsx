/**
 * The browser entry point: restore the session, build the router, render.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from '@tanstack/react-router'
import { SessionProvider } from '../auth/session-context'
import { SessionStore } from '../auth/session-store'
import { createAppRouter } from './router'
import './styles.css'

const session = new SessionStore()
const router = createAppRouter(session)
void session.start()

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
