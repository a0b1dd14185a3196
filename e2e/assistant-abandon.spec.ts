/**
 * An abandoned stream costs nothing for long: with nobody reconnecting, the
 * server aborts the upstream once the grace period ends. This file's server
 * has a one-second grace period, hence a file of its own.
 */
import { AssistantPage } from './assistant'
import { expect, test } from './support/cloud-rig'

test.use({ graceSeconds: 1 })

test('an abandoned stream is aborted after the grace period', async ({
  app,
  page,
  cloud,
}) => {
  const prompt = 'abandon me'
  cloud.upstream.reply(prompt, { tokens: ['Half ', 'way'], stallAfter: 1 })
  await app.signInAs('manager')
  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send(prompt)
  await expect(assistant.lastReply).toContainText('Half')

  // Leaving the page drops the stream without a Stop.
  await page.goto('about:blank')
  const record = await cloud.upstream.waitFor(prompt, (r) => r.aborted)
  expect(record.completed).toBe(false)
})
