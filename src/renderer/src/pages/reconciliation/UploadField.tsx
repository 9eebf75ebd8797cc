/**
 * A statement file (or a decisions CSV) sent to the main process (`recon.uploads.put`, up to
 * 64 MB), which keeps it for previews, dry runs and imports; what it answered is the upload.
 */
import { FileInput, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../shared/contract'
import { useApiMutation } from '../../api/hooks'
import { apiErrorMessage } from '../../components/notify'

export type Upload = OutputOf<'recon.uploads.put'>

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024

/** The file's bytes as base64 (a data URL without its prefix: no string of every byte in memory). */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

interface UploadFieldProps {
  label: string
  description?: string
  accept?: string
  upload: Upload | null
  onUploaded: (upload: Upload | null) => void
  disabled?: boolean
}

export function UploadField({ label, description, accept, upload, onUploaded, disabled }: UploadFieldProps) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const put = useApiMutation('recon.uploads.put')
  const choose = async (next: File | null) => {
    setFile(next)
    setError(null)
    onUploaded(null)
    if (!next) return
    if (next.size > MAX_UPLOAD_BYTES) {
      setError(t('recon.upload.tooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }))
      return
    }
    try {
      onUploaded(await put.mutateAsync({ fileName: next.name, contentBase64: await fileAsBase64(next) }))
    } catch (failure) {
      setError(apiErrorMessage(failure))
    }
  }
  return (
    <div>
      <FileInput
        label={label}
        description={description}
        accept={accept}
        value={file}
        onChange={(next) => void choose(next)}
        clearable
        disabled={disabled || put.isPending}
        error={error}
        placeholder={t('recon.upload.choose')}
      />
      {put.isPending && <Text size="xs" c="dimmed">{t('recon.upload.sending')}</Text>}
      {upload && (
        <Text size="xs" c="dimmed" data-testid="upload-done">
          {upload.sha256 ? t('recon.upload.kept', { file: upload.fileName, size: upload.size.toLocaleString(), hash: upload.sha256.slice(0, 12) }) : t('recon.upload.keptName', { file: upload.fileName })}
        </Text>
      )}
    </div>
  )
}
