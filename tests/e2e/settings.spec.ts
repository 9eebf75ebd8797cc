/**
 * An administrator names the organisation in Settings; the title bar shows it beside the app's name
 * (a new tenant is named after the app, and the bar then shows the name once, not twice).
 */
import { ADMIN, expect, test } from './fixtures'
import { signIn } from './demo'
import { AppShell } from './pages/AppShell'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password } } })

test('the organisation’s name is set in Settings and shown in the title bar at once', async ({ page, host }) => {
  await signIn(page, host, ADMIN)
  const header = page.getByRole('banner')
  await expect(header.getByRole('heading', { name: 'PayDesk', level: 3 })).toBeVisible()
  await expect(header.getByTestId('tenant-name')).toHaveCount(0)
  await expect(header).toHaveText(/^(?!.*PayDesk.*PayDesk)/)

  await new AppShell(page).navigate('/system/settings')
  const name = page.getByRole('textbox', { name: 'Organisation name' })
  await expect(name).toHaveValue('PayDesk')
  await name.fill('')
  await page.getByRole('button', { name: 'Save' }).first().click()
  await expect(page.getByText('is required')).toBeVisible()
  await name.fill('Lotus Payments')
  await page.getByRole('button', { name: 'Save' }).first().click()
  await expect(page.getByText('Settings saved')).toBeVisible()
  await expect(header.getByTestId('tenant-name')).toHaveText('Lotus Payments')
})
