import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { SetupPage } from './pages/SetupPage'

// No PAYDESK_ADMIN_* variables: the host starts on an empty database and prints a setup code.
test.use({ hostOptions: { env: {} } })

test('first run creates the administrator with the setup code printed on the host console', async ({ page, host }) => {
  expect(host.setupCode, 'the host prints a setup code on first run').toMatch(/^[A-Z0-9]{4,}$/)
  const setupCode = host.setupCode!
  const setup = new SetupPage(page)
  const admin = { username: 'ada', displayName: 'Ada Lovelace', password: 'Analytical-engine-1843', setupCode }

  await page.goto(host.url)
  await expect(setup.heading).toBeVisible()

  await test.step('a wrong setup code is refused on the Setup code field', async () => {
    // Same length and alphabet as the real code, so only its value is wrong.
    const wrongCode = setupCode.replace(/./g, (c) => (c === 'A' ? 'B' : 'A'))
    await setup.createAdministrator({ ...admin, setupCode: wrongCode })
    const refusal = 'does not match the code printed on the PayDesk console'
    await expect(setup.setupCode).toHaveAttribute('aria-invalid', 'true')
    await expect(setup.setupCode).toHaveAccessibleDescription(new RegExp(refusal))
    await expect(page.getByText(refusal, { exact: true })).toBeVisible()
    await expect(setup.heading).toBeVisible()
    const status = await host.api<{ needsSetup: boolean }>('/api/auth.setupStatus', {})
    expect(status.body.data.needsSetup, 'no administrator was created').toBe(true)
  })

  await test.step('the right code creates the administrator and signs in', async () => {
    await setup.setupCode.fill(setupCode)
    await setup.submit.click()
    const shell = new AppShell(page)
    await expect(shell.welcome(admin.displayName)).toBeVisible()
    await expect(page).toHaveURL(/#\/$/)
    await expect(shell.navLink('/auth/users'), 'an administrator sees user management').toBeVisible()
  })

  await test.step('the administrator is real: it signs in over the API and setup is over', async () => {
    const status = await host.api<{ needsSetup: boolean }>('/api/auth.setupStatus', {})
    expect(status.body.data.needsSetup).toBe(false)
    const token = await host.login(admin.username, admin.password)
    const me = await host.api<{ displayName: string; merchantId: number | null }>('/api/auth.me', {}, token)
    expect(me.body.data).toMatchObject({ displayName: admin.displayName, merchantId: null })
  })
})
