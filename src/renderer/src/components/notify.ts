import { notifications } from '@mantine/notifications'
import { ApiError } from '../api/error'
import { i18n } from '../i18n'
import { errorMessage } from '../i18n/messages'

/** What a person should read for a failed call, in the current language (the host's text, translated). */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network' || error.code.startsWith('bridge.')) return i18n.t('notify.network')
    if (error.code === 'http.bad_response') return i18n.t('notify.badResponse', { status: error.status })
    return errorMessage(error, i18n.t)
  }
  return error instanceof Error ? error.message : String(error)
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('notify.errorTitle'), message: apiErrorMessage(error), autoClose: 8000 })
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', title: i18n.t('notify.successTitle'), message })
}

/** Done, but with something to look at: stays until closed. */
export function notifyWarning(message: string): void {
  notifications.show({ color: 'orange', title: i18n.t('notify.successTitle'), message, autoClose: false })
}

export function notifyInfo(message: string): void {
  notifications.show({ color: 'blue', message })
}
