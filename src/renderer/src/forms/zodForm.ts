/**
 * Forms validate with the contract's own zod schemas, so a form refuses exactly what the main
 * process would refuse, with the same words: each rule message carries its text, translated here
 * (i18n/messages). Host errors that name a field land under that field; anything else becomes a
 * toast.
 */
import type { UseFormReturnType } from '@mantine/form'
import type { z } from 'zod'
import { ApiError } from '../api/error'
import { notifyError } from '../components/notify'
import { i18n } from '../i18n'
import { fieldErrorMessage, issueText } from '../i18n/messages'
import { REPORT_INPUT } from '../../../shared/rule-message'

export type FormErrors = Record<string, string>

// A form shows an array (roles, permissions) as one field: `roleIds.2` is reported on `roleIds`.
function formField(path: readonly PropertyKey[] | string): string {
  const segments = typeof path === 'string' ? path.split('.') : path.map(String)
  const cut = segments.findIndex((segment) => /^\d+$/.test(segment))
  return (cut === -1 ? segments : segments.slice(0, cut)).join('.') || 'input'
}

export function zodFormErrors(schema: z.ZodType, input: unknown): FormErrors {
  const result = schema.safeParse(input, REPORT_INPUT)
  if (result.success) return {}
  const errors: FormErrors = {}
  for (const issue of result.error.issues) {
    const field = formField(issue.path)
    if (!(field in errors)) errors[field] = issueText(issue, i18n.t)
  }
  return errors
}

/**
 * Whether the contract refuses the form's input with `field` left blank: the form marks it
 * required, so the mark follows the main process's rule (a rejection's reason, not an approval's).
 */
export function requiredByContract(schema: z.ZodType, toInput: (values: Record<string, string>) => unknown, values: Record<string, string>, field: string): boolean {
  return field in zodFormErrors(schema, toInput({ ...values, [field]: '' }))
}

/** Puts a failed call's message under the field it names, when the form has that field. */
export function applyApiError<V extends object, T>(form: UseFormReturnType<V, T>, error: unknown): void {
  if (error instanceof ApiError && error.field) {
    const field = formField(error.field)
    if (Object.prototype.hasOwnProperty.call(form.getValues(), field)) {
      form.setFieldError(field as never, fieldErrorMessage(error, i18n.t))
      return
    }
  }
  notifyError(error)
}
