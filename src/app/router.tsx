/**
 * The route tree. Sign-in sits outside the guarded shell, so it can never
 * redirect to itself. Every module is its own lazily loaded chunk, and its
 * guard runs in `beforeLoad`, before that chunk is fetched: a user who may
 * not open a module never downloads its code.
 */
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router'
import { isModuleId, type ModuleId } from '../core/modules'
import { requireModule, requireSignedIn, type RouterContext } from './guards'
import { RootLayout } from './root-layout'
import { Shell } from './shell'
import { RouteError } from './route-error'
import { NotFound } from './not-found'
import { PendingPage } from './pending-page'
import { LoginPage } from '../modules/login/login-page'
import { ForbiddenPage } from '../modules/forbidden/forbidden-page'
import type { SessionStore } from '../auth/session-store'
import { safeRedirect } from '../auth/safe-redirect'

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: ({ context }) => context.session.whenReady(),
  component: RootLayout,
  notFoundComponent: NotFound,
})

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: ({ context, search }) => {
    if (context.session.getState().status === 'signed-in') {
      throw redirect({
        href: safeRedirect(search.redirect, window.location.origin),
        replace: true,
      })
    }
  },
  component: LoginPage,
})

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  beforeLoad: requireSignedIn,
  component: Shell,
  errorComponent: RouteError,
})

const forbiddenRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'forbidden',
  validateSearch: (search: Record<string, unknown>): { module?: ModuleId } =>
    typeof search.module === 'string' && isModuleId(search.module)
      ? { module: search.module }
      : {},
  component: ForbiddenPage,
})

function moduleRoute(
  id: ModuleId,
  path: string,
  load: Parameters<typeof lazyRouteComponent>[0],
) {
  return createRoute({
    getParentRoute: () => shellRoute,
    path,
    beforeLoad: requireModule(id),
    component: lazyRouteComponent(load),
  })
}

// Each import() below is a literal so the bundler gives each module a chunk.
const moduleRoutes = [
  moduleRoute(
    'dashboard',
    '/',
    () => import('../modules/dashboard/dashboard-page'),
  ),
  moduleRoute(
    'assistant',
    'assistant',
    () => import('../modules/assistant/assistant-page'),
  ),
  moduleRoute(
    'vision',
    'vision',
    () => import('../modules/vision/vision-page'),
  ),
  moduleRoute(
    'library',
    'library',
    () => import('../modules/library/library-page'),
  ),
  moduleRoute(
    'analytics',
    'analytics',
    () => import('../modules/analytics/analytics-page'),
  ),
  moduleRoute('admin', 'admin', () => import('../modules/admin/admin-page')),
  moduleRoute(
    'settings',
    'settings',
    () => import('../modules/settings/settings-page'),
  ),
]

const routeTree = rootRoute.addChildren([
  loginRoute,
  shellRoute.addChildren([forbiddenRoute, ...moduleRoutes]),
])

/** Build the router around a session store. */
export function createAppRouter(session: SessionStore) {
  return createRouter({
    routeTree,
    context: { session },
    defaultPendingComponent: PendingPage,
    defaultPendingMs: 300,
    defaultErrorComponent: RouteError,
    defaultPreload: false,
    scrollRestoration: true,
  })
}

/** The app's router type, for typed links. */
export type AppRouter = ReturnType<typeof createAppRouter>

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter
  }
}
