/**
 * The user's engine choice (Auto, Local only, Cloud only), kept per user
 * in the settings table, so two people sharing a device keep their own.
 * Wiped at sign-out with the rest; Auto is the default.
 */
import type { EngineSetting } from '../ai/engine-policy'
import { SettingsStore } from './settings-store'

const store = new SettingsStore()
const SETTINGS: readonly EngineSetting[] = ['auto', 'local-only', 'cloud-only']

function key(userId: string) {
  return `engine-setting:${userId}`
}

/** The user's engine choice; Auto when none was made. */
export async function readEngineSetting(
  userId: string,
): Promise<EngineSetting> {
  const value = await store.get(key(userId))
  return SETTINGS.find((setting) => setting === value) ?? 'auto'
}

/** Keep the user's engine choice. */
export async function writeEngineSetting(
  userId: string,
  setting: EngineSetting,
): Promise<void> {
  await store.set(key(userId), setting)
}
