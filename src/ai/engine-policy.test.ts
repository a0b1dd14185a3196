import { describe, expect, it } from 'vitest'
import {
  chooseEngine,
  type EngineSetting,
  type PolicyInput,
} from './engine-policy'

const base: PolicyInput = {
  online: true,
  cloudPermitted: true,
  localReady: false,
  setting: 'auto',
  cacheHit: false,
  bypassCache: false,
}

type Row = [Partial<PolicyInput>, ReturnType<typeof chooseEngine>]

const table: Row[] = [
  [{ cacheHit: true }, { engine: 'cache' }],
  [
    { cacheHit: true, online: false, cloudPermitted: false },
    { engine: 'cache' },
  ],
  [{ cacheHit: true, bypassCache: true }, { engine: 'cloud' }],
  [{}, { engine: 'cloud' }],
  [{ localReady: true }, { engine: 'local' }],
  [{ online: false }, { refused: 'offline_no_cache' }],
  [{ online: false, localReady: true }, { engine: 'local' }],
  [{ cloudPermitted: false }, { refused: 'cloud_not_permitted' }],
  [{ cloudPermitted: false, online: false }, { refused: 'offline_no_cache' }],
  [{ cloudPermitted: false, localReady: true }, { engine: 'local' }],
  [{ setting: 'local-only' }, { refused: 'local_not_ready' }],
  [{ setting: 'local-only', localReady: true }, { engine: 'local' }],
  [{ setting: 'cloud-only', localReady: true }, { engine: 'cloud' }],
  [
    { setting: 'cloud-only', localReady: true, online: false },
    { refused: 'offline_no_cache' },
  ],
  [
    { setting: 'cloud-only', localReady: true, cloudPermitted: false },
    { refused: 'cloud_not_permitted' },
  ],
  [{ setting: 'cloud-only', online: false }, { refused: 'offline_no_cache' }],
  [
    { setting: 'cloud-only', online: false, cacheHit: true },
    { engine: 'cache' },
  ],
  [{ setting: 'local-only', online: false }, { refused: 'local_not_ready' }],
  [{ setting: 'local-only', cacheHit: true }, { engine: 'cache' }],
]

describe('chooseEngine', () => {
  it.each(table)('%j → %j', (change, expected) => {
    expect(chooseEngine({ ...base, ...change })).toEqual(expected)
  })

  it('never picks the device when the setting is cloud-only', () => {
    for (const online of [true, false]) {
      for (const cloudPermitted of [true, false]) {
        const decision = chooseEngine({
          ...base,
          setting: 'cloud-only',
          localReady: true,
          online,
          cloudPermitted,
        })
        expect(decision).not.toEqual({ engine: 'local' })
      }
    }
  })

  it('never picks the cloud when the setting is local-only', () => {
    const settings: EngineSetting[] = ['local-only']
    for (const setting of settings) {
      for (const localReady of [true, false]) {
        const decision = chooseEngine({ ...base, setting, localReady })
        expect(decision).not.toEqual({ engine: 'cloud' })
      }
    }
  })
})
