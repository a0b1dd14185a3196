/**
 * A real Enclave server for the API tests: listening on 127.0.0.1 on a free
 * port, with its own data directory, demo accounts and a small fake build in
 * a dist directory. Each test file starts one and closes it when done.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { loadConfig } from '../config'
import { startServer, type RunningServer } from '../server'
import type { SessionResponse } from '../../core/protocol'

/** The password every demo account gets in the API tests. */
export const DEMO_PASSWORD = 'correct-horse-battery'

/** Name of the hashed asset the fake build holds. */
export const ASSET_PATH = '/assets/app-abc123.js'

/** Text of the fake build's HTML shell, to tell it apart from other bodies. */
export const SHELL_MARKER = '<title>Enclave test shell</title>'

/** A running test server and the directories it owns. */
export interface TestServer {
  url: string
  server: RunningServer
  dataDir: string
  close: () => Promise<void>
}

/**
 * Start a server; `env` overrides the test defaults, and `distParent` puts
 * the dist directory inside a folder of that name.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { distParent?: string } = {},
): Promise<TestServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-api-'))
  const dataDir = path.join(root, 'data')
  const distDir = path.join(root, options.distParent ?? '', 'dist')
  fs.mkdirSync(path.join(distDir, 'assets'), { recursive: true })
  fs.writeFileSync(
    path.join(distDir, 'index.html'),
    `<!doctype html><html><head>${SHELL_MARKER}</head><body></body></html>`,
  )
  fs.writeFileSync(path.join(distDir, ASSET_PATH), 'export const app = 1\n')
  fs.mkdirSync(path.join(distDir, '.vite'), { recursive: true })
  fs.writeFileSync(path.join(distDir, '.vite/manifest.json'), '{}\n')

  const server = await startServer(
    loadConfig({
      ENCLAVE_PORT: '0',
      ENCLAVE_HOST: '127.0.0.1',
      ENCLAVE_DATA_DIR: dataDir,
      ENCLAVE_DIST_DIR: distDir,
      ENCLAVE_DEMO_PASSWORD: DEMO_PASSWORD,
      ENCLAVE_LOG_LEVEL: 'silent',
      ...env,
    }),
  )

  return {
    url: server.url,
    server,
    dataDir,
    close: async () => {
      await server.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

/** POST a JSON body to the server. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** What a successful sign-in gave back: the session and the refresh cookie. */
export interface SignedIn {
  session: SessionResponse
  /** `name=value` of the refresh cookie, ready for a Cookie header. */
  cookie: string
}

/** Sign in as a user; throws unless the server answers 200. */
export async function signIn(
  base: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<SignedIn> {
  const response = await postJson(`${base}/api/auth/login`, {
    username,
    password,
  })
  if (response.status !== 200) {
    throw new Error(`sign-in as ${username} answered ${response.status}`)
  }
  return {
    session: (await response.json()) as SessionResponse,
    cookie: refreshCookieOf(response),
  }
}

/** The `name=value` part of the refresh cookie a response sets. */
export function refreshCookieOf(response: Response): string {
  const header = setCookieHeader(response)
  const pair = header.split(';')[0] ?? ''
  if (!pair.startsWith('enclave_refresh=')) {
    throw new Error('the response set no refresh cookie')
  }
  return pair
}

/** The raw Set-Cookie header for the refresh cookie, or an empty string. */
export function setCookieHeader(response: Response): string {
  return (
    response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('enclave_refresh=')) ?? ''
  )
}

/** Headers that present an access token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/**
 * Signs of a leaked stack trace or source location in a response body: a
 * V8 frame (`at fn (file:1:2)`), a source path, or an error class name.
 */
export const STACK_TRACE =
  /\bat \S+ \(|:\d+:\d+\)?|node_modules|\.ts\b|\w*Error:/

/** Read an error response, check its shape, and return its body. */
export async function errorBody(response: Response): Promise<{
  error: { code: string; message: string; fields?: unknown[] }
}> {
  const text = await response.text()
  if (STACK_TRACE.test(text)) {
    throw new Error(`error response looks like it holds a stack: ${text}`)
  }
  return JSON.parse(text) as {
    error: { code: string; message: string; fields?: unknown[] }
  }
}

/** One server for the calling test file, with the admin signed in. */
export interface SharedTestServer {
  /** The running server (valid once beforeAll has run). */
  readonly t: TestServer
  /** The admin's access token (valid once beforeAll has run). */
  readonly adminToken: string
}

/** Start a server in beforeAll, sign the admin in, and close it in afterAll. */
export function sharedTestServer(): SharedTestServer {
  let t: TestServer | undefined
  let adminToken = ''

  beforeAll(async () => {
    t = await startTestServer()
    adminToken = (await signIn(t.url, 'admin')).session.accessToken
  })

  afterAll(async () => {
    await t?.close()
  })

  return {
    get t() {
      if (!t) {
        throw new Error('The test server is used before beforeAll ran')
      }
      return t
    },
    get adminToken() {
      return adminToken
    },
  }
}
