// A separate process that fires provider callbacks at a listener, so the client does not share
// the server's event loop. Connections are opened first (set-up is not counted); it prints each
// request's time to its complete answer as JSON.
//
//   burst:  one request per connection, all written at once (1,000 in flight together), then closed.
//   steady: keep-alive connections each sending one request every `periodMs` (random phase), for
//           `rounds` rounds: 1,000 open connections carrying 1,000 / periodMs × 1,000 callbacks/s.
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'

const { url, bodies, mode = 'burst', connections = bodies.length, periodMs = 1000 } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const target = new URL(url)
const rounds = Math.ceil(bodies.length / connections)

function open() {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port) }, () => resolve(socket))
    socket.once('error', reject)
  })
}

function request(body, keepAlive) {
  const connection = keepAlive ? 'keep-alive' : 'close'
  return `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: ${connection}\r\n\r\n${body}`
}

/** Sends one request on the socket and resolves with its latency once the whole answer is in. */
function exchange(socket, body, keepAlive) {
  return new Promise((resolve) => {
    let answer = ''
    const t0 = performance.now()
    const onData = (chunk) => {
      answer += chunk
      const head = answer.indexOf('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(answer)
      if (head >= 0 && length && answer.length >= head + 4 + Number(length[1])) {
        socket.off('data', onData)
        resolve({ ms: performance.now() - t0, ok: answer.startsWith('HTTP/1.1 200') && answer.endsWith('SUCCESS') })
      }
    }
    socket.on('data', onData)
    socket.write(request(body, keepAlive))
  })
}

const sockets = []
for (let i = 0; i < connections; i += 100) sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, connections - i) }, open))))

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const started = performance.now()
let results
if (mode === 'burst') {
  results = await Promise.all(sockets.map((socket, i) => exchange(socket, bodies[i], false)))
} else {
  results = (
    await Promise.all(
      sockets.map(async (socket, i) => {
        const mine = []
        const phase = Math.random() * periodMs
        for (let round = 0; round < rounds; round++) {
          const body = bodies[round * connections + i]
          if (body === undefined) break
          const due = started + phase + round * periodMs
          if (due > performance.now()) await sleep(due - performance.now())
          mine.push(await exchange(socket, body, true))
        }
        return mine
      })
    )
  ).flat()
}
const totalMs = performance.now() - started
for (const socket of sockets) socket.destroy()
process.stdout.write(JSON.stringify({ totalMs, latencies: results.map((r) => r.ms), failed: results.filter((r) => !r.ok).length }))
