/**
 * The assistant on the shared server, which has no cloud upstream (as a
 * fresh install has none): a clear 503 message, and roles without the
 * cloud permission told so, with the API refusing them too.
 */
import { AssistantPage } from './assistant'
import { E2E_DEMO_PASSWORD } from './environment'
import { expect, test } from './fixtures'

test('an unconfigured server answers 503 and the chat says the cloud is not set up', async ({
  app,
  page,
}) => {
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()

  const chat = page.waitForResponse((response) =>
    response.url().endsWith('/api/ai/chat'),
  )
  await assistant.send('Is the cloud there?')
  expect((await chat).status()).toBe(503)
  await expect(assistant.lastReply.getByRole('alert')).toHaveText(
    /The cloud model is not set up on this server/,
  )
  await expect(
    page
      .getByRole('article', { name: 'You said' })
      .getByText('Is the cloud there?'),
  ).toBeVisible()
})

test('an editor is told the cloud is not permitted for the role, and sends nothing', async ({
  app,
  page,
}) => {
  await app.signInAs('editor')
  const assistant = new AssistantPage(page)
  await assistant.open()
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/ai/chat')) sent.push(request.url())
  })

  await assistant.send('May I use the cloud?')
  await expect(assistant.lastReply.getByRole('alert')).toHaveText(
    /Your role does not allow the cloud model/,
  )
  expect(sent).toEqual([])
})

test('a viewer cannot open the assistant, and the API answers 403 to viewer and editor', async ({
  app,
  page,
  request,
}) => {
  await app.signInAs('viewer')
  await page.goto('/assistant')
  await expect(
    page.getByRole('heading', { name: 'You do not have access to this page' }),
  ).toBeVisible()

  for (const username of ['viewer', 'editor']) {
    const login = await request.post('/api/auth/login', {
      data: { username, password: E2E_DEMO_PASSWORD },
    })
    const { accessToken } = (await login.json()) as { accessToken: string }
    const chat = await request.post('/api/ai/chat', {
      headers: { authorization: `Bearer ${accessToken}` },
      data: {
        requestId: 'e2e-forbidden-1',
        messages: [{ role: 'user', content: 'hello' }],
      },
    })
    expect(chat.status()).toBe(403)
    expect(
      ((await chat.json()) as { error: { code: string } }).error.code,
    ).toBe('forbidden')
  }
})
