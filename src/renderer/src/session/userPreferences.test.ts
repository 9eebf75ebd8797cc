import { describe, expect, it } from 'vitest'
import { localChoiceToTakeOver } from './userPreferences'

describe("a browser's earlier language and colour scheme", () => {
  it('are taken over for what the user has not chosen yet', () => {
    expect(localChoiceToTakeOver({ language: null, colorScheme: null }, { language: 'zh-CN', colorScheme: 'dark' })).toEqual({ language: 'zh-CN', colorScheme: 'dark' })
    expect(localChoiceToTakeOver({ language: 'en', colorScheme: null }, { language: 'zh-CN', colorScheme: 'dark' })).toEqual({ colorScheme: 'dark' })
  })

  it('never replace a stored choice, nor store something this browser never chose', () => {
    expect(localChoiceToTakeOver({ language: 'en', colorScheme: 'light' }, { language: 'zh-CN', colorScheme: 'dark' })).toEqual({})
    expect(localChoiceToTakeOver({ language: null, colorScheme: null }, { language: null, colorScheme: 'purple' })).toEqual({})
  })
})
