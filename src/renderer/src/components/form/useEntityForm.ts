/**
 * A create or edit form over the contract: validated by the procedure's own zod input (so the
 * form refuses what the host would), saved, and on a refusal the host's message lands under the
 * field it names.
 */
import { useForm } from '@mantine/form'
import type { z } from 'zod'
import { applyApiError, zodFormErrors, type FormErrors } from '../../forms/zodForm'
import { i18n } from '../../i18n'
import { ruleText } from '../../i18n/messages'
import { notifySuccess } from '../notify'

/**
 * A field left empty that the schema refuses is simply required: "must be a number" under an
 * empty merchant picker would only puzzle.
 */
function requiredWhenEmpty(values: object, errors: FormErrors): FormErrors {
  const fields = values as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, fields[field] === '' || fields[field] === null ? ruleText('rule.required', i18n.t) : message])
  )
}

export interface EntityFormOptions<V extends object, I> {
  initialValues: V
  /** The procedure's input schema (`contract['x.create'].input`). */
  schema: z.ZodType
  toInput: (values: V) => I
  /** Saves; what it returns is said as a success, unless nothing. */
  save: (input: I) => Promise<string | undefined>
  onDone: () => void
  /**
   * An empty field the schema refuses reads "is required" (the default). The account forms keep
   * the schema's own words: "must be at least 10 characters" says more about a password.
   */
  emptyIsRequired?: boolean
}

export function useEntityForm<V extends object, I>({ initialValues, schema, toInput, save, onDone, emptyIsRequired = true }: EntityFormOptions<V, I>) {
  const form = useForm<V>({
    initialValues,
    validate: (values) => {
      const errors = zodFormErrors(schema, toInput(values))
      return emptyIsRequired ? requiredWhenEmpty(values, errors) : errors
    }
  })
  const submit = form.onSubmit(async (values) => {
    try {
      const message = await save(toInput(values))
      if (message) notifySuccess(message)
      onDone()
    } catch (error) {
      applyApiError(form, error)
    }
  })
  return { form, submit }
}
