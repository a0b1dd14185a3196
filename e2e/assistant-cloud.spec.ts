/**
 * Streaming from the cloud model end to end, against a test upstream: the
 * first token shows before the last is sent, Stop aborts the upstream, a
 * cut connection resumes without a missing or repeated character, a
 * repeated question comes from the cache (also offline), and Markdown never
 * runs a script. The abandoned stream has its own file, since it needs a
 * server with a short grace period.
 */
import { AssistantPage } from './assistant'
import { goOffline, goOnline, waitForOfflineReady } from './offline'
import { expect, test } from './support/cloud-rig'
import { readStore } from './support/indexed-db'

test('the first token is on screen before the upstream sends its last', async ({
  app,
  page,
  cloud,
}) => {
  const prompt = 'first token please'
  cloud.upstream.reply(prompt, {
    tokens: ['Early ', 'words ', 'then ', 'the ', 'rest.'],
    stallAfter: 2,
  })
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send(prompt)

  await expect(assistant.lastReply).toContainText('Early words')
  const record = await cloud.upstream.waitFor(prompt, () => true)
  expect(record.completed).toBe(false)
  expect(record.tokensSent).toBe(2)

  cloud.upstream.release(prompt)
  await expect(assistant.lastReply).toContainText('Early words then the rest.')
  await expect(assistant.lastReply).toContainText(/cloud model · first token/)
})

test('Stop halts the upstream at once', async ({ app, page, cloud }) => {
  const prompt = 'please stop me'
  cloud.upstream.reply(prompt, { tokens: ['Going ', 'on'], stallAfter: 1 })
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send(prompt)
  await expect(assistant.lastReply).toContainText('Going')

  await assistant.stop()
  const record = await cloud.upstream.waitFor(prompt, (r) => r.aborted)
  expect(record.completed).toBe(false)
  await expect(assistant.lastReply).toContainText('Stopped.')
})

test('a connection cut mid-answer resumes with the exact text and one upstream request', async ({
  app,
  page,
  cloud,
}) => {
  const prompt = 'survive a cut'
  const tokens = ['Alpha ', 'bravo ', 'charlie ', 'delta ', 'echo']
  cloud.upstream.reply(prompt, { tokens, stallAfter: 2 })
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/ai/chat'))
      posts.push(request.headers()['last-event-id'] ?? 'none')
  })
  await assistant.send(prompt)
  await expect(assistant.lastReply).toContainText('Alpha bravo')

  cloud.proxy.cut()
  cloud.upstream.release(prompt)

  await expect(assistant.lastReply.locator('.markdown')).toHaveText(
    tokens.join(''),
  )
  await expect(assistant.lastReply).toContainText(/first token/)
  expect(
    cloud.upstream.requests.filter((r) => r.prompt === prompt),
  ).toHaveLength(1)
  // The second request resumed after the two tokens already shown.
  expect(posts).toEqual(['none', '2'])
})

test('the same question again is answered from the cache, also offline', async ({
  app,
  page,
  context,
  cloud,
}) => {
  const prompt = 'What is a cache entry?'
  await app.signInAs('manager')
  await waitForOfflineReady(page)
  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send(prompt)
  await expect(assistant.lastReply).toContainText(/cloud model/)

  await assistant.newChat()
  await assistant.send('what is a  CACHE entry')
  await expect(assistant.lastReply).toContainText('From cache')
  await expect(assistant.lastReply).toContainText(`You asked: ${prompt}`)

  await goOffline(context)
  await assistant.newChat()
  await assistant.send(prompt)
  await expect(assistant.lastReply).toContainText('From cache')
  await goOnline(context)

  expect(
    cloud.upstream.requests.filter((r) => r.prompt === prompt),
  ).toHaveLength(1)
})

test('offline with nothing cached, the chat says so', async ({
  app,
  page,
  context,
}) => {
  await app.signInAs('manager')
  await waitForOfflineReady(page)
  const assistant = new AssistantPage(page)
  await assistant.open()

  await goOffline(context)
  await assistant.send('never asked before')
  await expect(assistant.lastReply.getByRole('alert')).toHaveText(
    /You are offline, and this device has no saved answer/,
  )
  await goOnline(context)
})

test('Markdown in an answer renders, and a script tag in it does not run', async ({
  app,
  page,
  cloud,
}) => {
  const prompt = 'show me markdown'
  cloud.upstream.reply(prompt, {
    tokens: [
      '**bold** and `code`\n\n',
      '<script>window.__enclavePwned = 1</script>',
      '<img src="x" onerror="window.__enclavePwned = 2">',
      '\n\ndone',
    ],
  })
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send(prompt)

  const body = assistant.lastReply.locator('.markdown')
  await expect(body).toContainText('done')
  await expect(body.locator('strong')).toHaveText('bold')
  await expect(body.locator('script, img')).toHaveCount(0)
  expect(
    await page.evaluate(
      () => (window as { __enclavePwned?: number }).__enclavePwned,
    ),
  ).toBeUndefined()
})

test('an upstream failure mid-answer is explained and still measured', async ({
  app,
  page,
  cloud,
}) => {
  const prompt = 'fail halfway please'
  cloud.upstream.reply(prompt, {
    tokens: ['Half ', 'an ', 'answer'],
    failAfter: 2,
  })
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send(prompt)

  await expect(page.getByRole('alert')).toContainText(
    'stopped with an error before it finished',
  )
  const rows = await readStore<{ failed?: boolean; engine: string }>(
    page,
    'metrics',
  )
  expect(rows).toContainEqual(
    expect.objectContaining({ engine: 'cloud', failed: true }),
  )
})
