/**
 * Serves the built app from the dist directory.
 *
 * Cache rules: files under `/assets/` have content hashes in their names and
 * never change, so they are immutable for a year; everything else (the HTML
 * shell, the service worker, the manifest, icons) must be revalidated on
 * every load, or a deploy would never reach users. A missing file under
 * `/assets/`, `/models/` or `/runtimes/` is a 404, never the HTML shell: a browser that asked for a
 * script and got HTML would fail with a confusing MIME error.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { MODELS_PATH, RUNTIMES_PATH } from '../../core/asset-paths'
import type { AppEnv } from './app-env'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/** Mount static serving and the navigation fallback on the app. */
export function mountStaticFiles(app: Hono<AppEnv>, distDir: string): void {
  const shellFile = path.join(distDir, 'index.html')

  // Dot-folders of the build (the bundler's manifest) are for tools, not
  // for browsers.
  app.get('/.*', (c) =>
    c.json({ error: { code: 'not_found', message: 'No such file.' } }, 404),
  )

  // Without a build there is nothing to serve; every page then answers with
  // the "not built yet" message below instead of a warning per request.
  if (fs.existsSync(distDir)) {
    mountFiles(app, distDir)
  }

  // Files only: a miss here is a 404, never the HTML shell.
  for (const prefix of ['/assets/*', `${MODELS_PATH}*`, `${RUNTIMES_PATH}*`]) {
    app.get(prefix, (c) =>
      c.json({ error: { code: 'not_found', message: 'No such file.' } }, 404),
    )
  }

  app.get('*', (c) => {
    // A path with a file extension is a request for a file that is not
    // there; only extension-less paths are app routes.
    if (path.extname(c.req.path) !== '') {
      return c.json(
        { error: { code: 'not_found', message: 'No such file.' } },
        404,
      )
    }
    if (!fs.existsSync(shellFile)) {
      return c.text(
        'The app is not built yet. Run `npm run build`, then start the server again.',
        503,
      )
    }
    c.header('Cache-Control', REVALIDATE)
    return c.html(fs.readFileSync(shellFile, 'utf8'))
  })
}

function mountFiles(app: Hono<AppEnv>, distDir: string): void {
  app.use(
    '/*',
    serveStatic({
      root: path.relative(process.cwd(), distDir) || '.',
      onFound: (_filePath, c) => {
        // Decide by the URL, not the file path: the dist directory may itself
        // sit under a folder named `assets`, and then the HTML shell would be
        // cached for a year.
        c.header(
          'Cache-Control',
          c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
        )
      },
    }),
  )
}
