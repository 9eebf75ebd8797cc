/**
 * The one Mantine theme: component defaults are set here, not page by page. It is built per
 * language because a few defaults are words (the accessible names of icon-only buttons that
 * Mantine would otherwise leave empty or in English).
 */
import { Badge, createTheme, Modal, MultiSelect, Notification, PasswordInput, Select, Textarea, TextInput, type MantineThemeOverride } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { TFunction } from 'i18next'

// Chinese glyphs come from the system's CJK fonts; no web fonts (the CSP allows none from outside).
const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

export function createPayDeskTheme(t: TFunction): MantineThemeOverride {
  const close = { 'aria-label': t('common.close') }
  const clear = { 'aria-label': t('common.clear') }
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'sm',
    fontFamily: FONT_STACK,
    headings: { fontFamily: FONT_STACK },
    components: {
      Modal: Modal.extend({ defaultProps: { centered: true, size: 'lg', closeOnClickOutside: false, closeButtonProps: close } }),
      Notification: Notification.extend({ defaultProps: { withBorder: true, closeButtonProps: close } }),
      Select: Select.extend({ defaultProps: { allowDeselect: false, checkIconPosition: 'right', clearButtonProps: clear } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { checkIconPosition: 'right', clearButtonProps: clear } }),
      // Named without the word "password", so a field's label is the only thing that says it.
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.revealToggle') } } }),
      TextInput: TextInput.extend({ defaultProps: { spellCheck: false } }),
      // Dates are written yyyy-mm-dd everywhere in the app, whatever the computer's locale.
      DateInput: DateInput.extend({ defaultProps: { valueFormat: 'YYYY-MM-DD', placeholder: 'yyyy-mm-dd', clearable: true, clearButtonProps: clear, firstDayOfWeek: 1 } }),
      Textarea: Textarea.extend({ defaultProps: { spellCheck: false } }),
      // A status is read whole: a badge is never narrower than its word, so a table's automatic
      // layout widens its column instead of cutting "Open" to "O…" (or 已处理 to 已).
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content', flexShrink: 0 } } })
    }
  })
}
