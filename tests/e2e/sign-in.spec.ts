import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'

test('sign-in refuses a wrong password and lands on Home with the right one', async ({ page, host }) => {
  const login = new LoginPage(page)
  const shell = new AppShell(page)
  await login.open(host.url)
  await expect(login.heading).toBeVisible()

  await login.signIn(ADMIN.username, 'Not-the-password-1')
  await expect(login.failure).toHaveText('Wrong user name or password; 5 failed sign-ins in a row lock an account for 15 minutes')
  await expect(login.heading).toBeVisible()

  await login.password.fill(ADMIN.password)
  await login.submit.click()
  // The env-created administrator's display name is its username.
  await expect(shell.welcome(ADMIN.username)).toBeVisible()
  await expect(login.failure).toBeHidden()
  await expect(shell.userMenu).toContainText(ADMIN.username)
})
