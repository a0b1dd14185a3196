/**
 * Security headers on every response. The CSP is the enforcement of a
 * product promise: with `connect-src 'self'` the page cannot send anything
 * to another origin, so photos, prompts and answers stay on the device unless
 * the user's engine choice sends them to the cloud, which goes through this
 * server. The one exception is model downloads, from the origins named in
 * `ENCLAVE_MODEL_ORIGINS`: a download only receives a file, and sends the
 * model host nothing of the user's. No inline script is allowed anywhere.
 */
import { secureHeaders } from 'hono/secure-headers'

/**
 * The middleware that sets the CSP and its companions. `modelOrigins` are
 * the only other origins the page may connect to, for model downloads.
 */
export function securityHeaders(options: {
  https: boolean
  modelOrigins?: readonly string[]
}) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // MediaPipe compiles its wasm at run time, which needs
      // 'wasm-unsafe-eval' (it allows WebAssembly compilation only, not
      // eval of script text).
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...(options.modelOrigins ?? [])],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      mediaSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    strictTransportSecurity: options.https
      ? 'max-age=31536000; includeSubDomains'
      : false,
    permissionsPolicy: {
      camera: ['self'],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  })
}
