/**
 * Where to go after signing in. The `redirect` search parameter comes from
 * the address bar, so anyone can craft it; only a path on this origin is
 * followed, and anything else falls back to the dashboard.
 */

/** The path to open after sign-in: `value` when it is safe, else `/`. */
export function safeRedirect(value: unknown, origin: string): string {
  if (typeof value !== 'string' || value.length > 2048) {
    return '/'
  }
  // Only a rooted path: not `//host`, `/\host` (browsers read `\` as `/`),
  // `javascript:` or an absolute URL; no control characters.
  if (!value.startsWith('/') || /^\/[\\/]/.test(value)) {
    return '/'
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return '/'
  }

  let url: URL
  try {
    url = new URL(value, origin)
  } catch {
    return '/'
  }
  if (url.origin !== new URL(origin).origin) {
    return '/'
  }
  if (url.pathname === '/login') {
    return '/'
  }
  return `${url.pathname}${url.search}${url.hash}`
}
