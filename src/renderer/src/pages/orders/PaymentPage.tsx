/**
 * `#/payment/:orderId`: the payment page the provider returned for a deposit, in its own small
 * window without the app's shell: bank account, QR content, USDT address or a payment link, the
 * amount and the order number, and the status (checked every 3 s until final; "Paid" on success).
 * `:orderId` is the order's id, or its order or transaction number pasted (api/detailRef.ts).
 */
import { Alert, Button, Center, Code, CopyButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import type { PaymentPageView } from '../../../../shared/contract/orders'
import { PageError } from '../../components/FullPageState'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { formatAmount } from '../../format/amount'
import { isFinal } from '../../../../shared/order-actions'
import { OrderStatusBadge } from './OrderBadges'
import { useLiveOrder } from './liveOrder'
import { PaymentQr } from './PaymentQr'

function CopyValue({ label, value, block = false }: { label: string; value: string; block?: boolean }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Code block={block} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: 1 }} data-testid="payment-value">
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" color={copied ? 'green' : undefined} onClick={copy}>
              {copied ? t('payment.copied') : t('payment.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  )
}

function PaymentBlock({ title, testId, values, note }: { title: string; testId: string; values: { label: string; value?: string; block?: boolean }[]; note?: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={5}>{title}</Title>
      {values.map((v) => v.value && <CopyValue key={v.label} label={v.label} value={v.value} block={v.block} />)}
      {note && (
        <Alert color="yellow" data-testid="payment-note">
          {note}
        </Alert>
      )}
    </Stack>
  )
}

function PaymentDetails({ page, orderId, remarkCode }: { page: PaymentPageView | null; orderId: number; remarkCode?: string }) {
  const { t } = useTranslation()
  if (!page) return <Alert color="gray">{t('payment.noDetails')}</Alert>
  switch (page.kind) {
    case 'bank_account':
      return (
        <PaymentBlock
          title={t('payment.bankTransfer')}
          testId="payment-bank-account"
          values={[
            { label: t('payment.bankName'), value: page.bankName },
            { label: t('payment.accountName'), value: page.accountName },
            { label: t('payment.accountNumber'), value: page.bankAccount },
            // The transfer is matched to the order by the code the payer quotes in its remark.
            { label: t('payment.remarkCode'), value: remarkCode }
          ]}
          note={remarkCode ? t('payment.remarkCodeHint', { code: remarkCode }) : undefined}
        />
      )
    case 'qr':
      // The code to scan, and the payload itself to copy into the payer's app.
      return (
        <Stack gap="xs">
          {page.qrCode && (
            <Center>
              <PaymentQr payload={page.qrCode} label={t('payment.qrImage')} />
            </Center>
          )}
          <PaymentBlock title={t('payment.qr')} testId="payment-qr" values={[{ label: t('payment.qrPayload'), value: page.qrCode, block: true }]} />
        </Stack>
      )
    case 'crypto_address':
      return <PaymentBlock title={t('payment.cryptoAddress')} testId="payment-address" values={[{ label: t('payment.address'), value: page.address, block: true }]} />
    case 'redirect':
      // The desktop app opens it in the system browser (only this order's own address: the window
      // names the order); a browser opens a new tab. The address is there to copy too.
      return (
        <Stack gap="xs">
          {page.url && (
            <Button component="a" href={page.url} target={`paydesk-payment-${orderId}`} rel="noopener noreferrer" data-testid="payment-open-link">
              {t('payment.openLink')}
            </Button>
          )}
          <PaymentBlock title={t('payment.redirect')} testId="payment-redirect" values={[{ label: t('payment.redirectHint'), value: page.url, block: true }]} />
        </Stack>
      )
  }
}

export function PaymentPage() {
  const { t } = useTranslation()
  const order = useLiveOrder(useParams().orderId ?? '')
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w="100%" maw={440}>
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t('payment.title')}</Title>
            <LanguageSwitch />
          </Group>
          {order.isPending && <Loader aria-label={t('payment.loading')} />}
          {order.isError && <PageError error={order.error} onRetry={() => void order.refetch()} />}
          {order.data && (
            <>
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('orders.orderNo')}
                </Text>
                <Text fw={500} data-testid="payment-order-no">
                  {order.data.orderNo}
                </Text>
              </Stack>
              <Group justify="space-between" align="center">
                <Text size="xl" fw={700} data-testid="payment-amount">
                  {formatAmount(order.data.paymentPage?.amount ?? order.data.amount, order.data.paymentPage?.currency ?? order.data.currency)}
                </Text>
                <OrderStatusBadge status={order.data.status} />
              </Group>
              {order.data.status === 'succeeded' ? (
                <Alert color="green" title={t('payment.paid')} data-testid="payment-paid">
                  {order.data.paidAmount && formatAmount(order.data.paidAmount, order.data.currency)}
                </Alert>
              ) : isFinal(order.data.status) ? (
                <Alert color="gray">{t('payment.finished', { status: t(`orders.statuses.${order.data.status}`) })}</Alert>
              ) : (
                <Group gap="xs">
                  <Loader size="xs" />
                  <Text size="sm">{t('payment.waiting')}</Text>
                </Group>
              )}
              {!isFinal(order.data.status) && <PaymentDetails page={order.data.paymentPage} orderId={order.data.id} remarkCode={order.data.fields.remarkCode} />}
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  )
}
