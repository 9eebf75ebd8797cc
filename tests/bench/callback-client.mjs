// A separate process that sends 1,000 callbacks at once over 1,000 already-open connections (so
// connection set-up and the client's own overhead are not counted, and it does not share the
// server's CPU), and prints each request's time to its complete answer as JSON.
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'

const { url, bodies } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const target = new URL(url)

function open() {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port) }, () => resolve(socket))
    socket.once('error', reject)
  })
}

const sockets = []
for (let i = 0; i < bodies.length; i += 100) sockets.push(...(await Promise.all(bodies.slice(i, i + 100).map(open))))

const started = performance.now()
const results = await Promise.all(
  sockets.map(
    (socket, i) =>
      new Promise((resolve) => {
        const body = bodies[i]
        let answer = ''
        const t0 = performance.now()
        socket.on('data', (chunk) => {
          answer += chunk
          const head = answer.indexOf('\r\n\r\n')
          const length = /content-length: (\d+)/i.exec(answer)
          if (head >= 0 && length && answer.length >= head + 4 + Number(length[1])) {
            resolve({ ms: performance.now() - t0, ok: answer.startsWith('HTTP/1.1 200') && answer.endsWith('SUCCESS') })
            socket.destroy()
          }
        })
        socket.write(
          `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
        )
      })
  )
)
process.stdout.write(JSON.stringify({ totalMs: performance.now() - started, latencies: results.map((r) => r.ms), failed: results.filter((r) => !r.ok).length }))
