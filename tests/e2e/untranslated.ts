/**
 * What a person sees on the page, and the English words left in it once data is set aside:
 * the check behind "the language switch changes every visible string".
 */
import type { Page } from '@playwright/test'

/** Words meant to read the same in every language: the product's name and "English" in the switch. */
const SAME_IN_EVERY_LANGUAGE = ['PayDesk', 'English']

/**
 * The page's text as shown (`innerText`), plus what shows or is read out without being text:
 * placeholders, the values in visible fields, tooltips and accessible labels.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => {
    const extra: string[] = []
    for (const element of Array.from(body.querySelectorAll('*')) as (typeof body)[]) {
      // Hidden from people and screen readers alike (e.g. the textarea autosize measures with).
      if (!element.checkVisibility() || element.closest('[aria-hidden="true"]')) continue
      for (const attribute of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = element.getAttribute(attribute)
        if (value) extra.push(value)
      }
      const field = element as { tagName: string; type?: string; value?: string }
      // A checkbox's value ("on") is never shown.
      if (field.tagName === 'INPUT' && !['hidden', 'password', 'checkbox', 'radio'].includes(field.type ?? '') && field.value) extra.push(field.value)
    }
    return [body.innerText, ...extra].join('\n')
  })
}

/**
 * The refusals on the page as shown: toasts, alerts and the messages under fields. Each is the
 * host's text translated (never its English sentence), so in Chinese any English left in one,
 * once data is set aside, is a failure.
 */
export async function refusalsShown(page: Page): Promise<string[]> {
  const refusals = page.locator('.mantine-Notification-root, [role="alert"], .mantine-InputWrapper-error')
  return (await refusals.allInnerTexts()).map((text) => text.trim()).filter((text) => text !== '')
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The lines of `text` that still hold a Latin word of two letters or more after the data values
 * (user and merchant names…), e-mail addresses, time zones, dates, times and numbers are taken out.
 */
export function englishLeft(text: string, dataValues: readonly string[]): string[] {
  const values = [...dataValues, ...SAME_IN_EVERY_LANGUAGE].filter((v) => v !== '').sort((a, b) => b.length - a.length)
  const strip = (line: string) => {
    let rest = line
    for (const value of values) rest = rest.replace(new RegExp(escapeRegex(value), 'g'), ' ')
    return rest
      // A time zone as times are labelled with it (UTC+08:00, UTC+07:00 Asia/Bangkok): named the same in every language.
      .replace(/UTC[+-]\d{2}:\d{2}(?: [A-Za-z]+\/[A-Za-z_]+)?/g, ' ')
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
      .replace(/\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/g, ' ')
      .replace(/\d+/g, ' ')
  }
  return text
    .split('\n')
    .filter((line) => /[A-Za-z]{2,}/.test(strip(line)))
    .map((line) => line.trim())
}
