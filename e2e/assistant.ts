/**
 * A page object for the assistant: send a message, read the last reply,
 * stop and regenerate, with role-based locators.
 */
import type { Page } from '@playwright/test'

/** Drives the assistant module. */
export class AssistantPage {
  constructor(readonly page: Page) {}

  /** Open the module from the menu. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Assistant' })
      .click()
    await this.page
      .getByRole('heading', { name: 'Assistant', level: 1 })
      .waitFor()
  }

  /**
   * Type a message and send it with Enter, the keyboard path (a notice
   * toast may sit over the Send button at the bottom of the window).
   */
  async send(text: string): Promise<void> {
    const box = this.page.getByLabel('Message')
    await box.fill(text)
    await box.press('Enter')
  }

  /** Press Stop from the keyboard. */
  async stop(): Promise<void> {
    await this.stopButton.press('Enter')
  }

  /** Start an empty conversation. */
  async newChat(): Promise<void> {
    await this.page.getByRole('button', { name: 'New chat' }).press('Enter')
  }

  /** The newest reply. */
  get lastReply() {
    return this.page.getByRole('article', { name: 'Assistant replied' }).last()
  }

  /** The Stop button, shown while an answer is being generated. */
  get stopButton() {
    return this.page.getByRole('button', { name: 'Stop', exact: true })
  }
}
