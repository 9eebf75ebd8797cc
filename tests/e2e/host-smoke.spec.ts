import { version } from '../../package.json'
import { expect, test } from './fixtures'
import { LoginPage } from './pages/LoginPage'

test('the host answers /healthz and serves the app under a Content-Security-Policy', async ({ page, host, request }) => {
  const health = await request.get(`${host.url}/healthz`)
  expect(health.status()).toBe(200)
  expect(await health.json()).toMatchObject({ status: 200, message: 'ok', data: { ok: true, version } })

  const index = await request.get(`${host.url}/`)
  expect(index.status()).toBe(200)
  expect(index.headers()['content-type']).toMatch(/^text\/html/)
  const policy = index.headers()['content-security-policy'] ?? ''
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values.join(' ')])
  )
  expect(directives.get('default-src')).toBe("'self'")
  expect(directives.get('script-src')).toBe("'self'")
  expect(directives.get('object-src')).toBe("'none'")
  expect(directives.get('frame-ancestors')).toBe("'none'")
  expect(policy).not.toContain('unsafe-eval')
  expect(await index.text()).toContain('<div id="root">')

  // The app runs under that policy: it renders, and the browser refuses nothing it loads.
  const refused: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text())
  })
  const login = new LoginPage(page)
  await login.open(host.url)
  await expect(login.heading).toBeVisible()
  expect(refused).toEqual([])
})
