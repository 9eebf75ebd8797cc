/**
 * A 200 000-line GBK Alipay bill is read in a child process whose heap is capped well below the
 * size of the file as one string: the reader streams, so it finishes, every line delivered and
 * the footer's totals agreeing; what it holds afterwards is small. No timing is asserted (speed
 * is the benchmark's business).
 */
import { execFile } from 'node:child_process'
import { createWriteStream, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ALIPAY_FOOTER, ALIPAY_HEADER, alipayRowCells, gbk } from './fixtures'

const LINES = 200_000
const HEAP_MB = 48

async function writeBigBill(path: string): Promise<void> {
  const out = createWriteStream(path)
  const write = (text: string) => new Promise<void>((resolve) => (out.write(gbk(text)) ? resolve() : out.once('drain', resolve)))
  await write(['#支付宝业务明细查询', '#账号：[20880000000000000156]', '#起始日期：[2019年09月16日 00:00:00]   终止日期：[2019年09月17日 00:00:00]', ALIPAY_FOOTER[0].replace('结束', ''), ALIPAY_HEADER].join('\r\n') + '\r\n')
  let cents = 0n
  for (let start = 0; start < LINES; start += 5000) {
    const batch: string[] = []
    for (let i = start; i < start + 5000; i++) {
      const amountCents = BigInt(100 + (i % 99_900))
      cents += amountCents
      const amount = `${amountCents / 100n}.${String(amountCents % 100n).padStart(2, '0')}`
      const tradeNo = `2019091622${String(i).padStart(18, '0')}`
      const row = { tradeNo, orderNo: `PD${String(i).padStart(14, '0')}`, kind: '交易' as const, product: `商品名称${i % 100}号 加量套餐`, finished: '2019-09-16 10:00:01', counterparty: 'abc***@163.com', amount, received: amount, refundNo: '', fee: '-0.01' }
      batch.push(alipayRowCells(row).join(','))
    }
    await write(batch.join('\r\n') + '\r\n')
  }
  const total = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
  await write([ALIPAY_FOOTER[0], `#交易合计：${LINES}笔，商家实收共${total}元，商家优惠共0.00元`, '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元'].join('\r\n') + '\r\n')
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

describe('streaming', () => {
  it(`reads a ${LINES}-line GBK bill with the heap capped at ${HEAP_MB} MB`, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'recon-big-')), 'big.csv')
    await writeBigBill(path)
    const size = statSync(path).size
    // As one decoded string (two bytes a character, since it holds Chinese) the file alone would not fit under the cap.
    expect(size * 2).toBeGreaterThan(1.5 * HEAP_MB * 1024 * 1024)
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', `--max-old-space-size=${HEAP_MB}`, '--expose-gc', join(__dirname, 'read-in-child.ts'), path], {
      cwd: join(__dirname, '../../..'),
      maxBuffer: 1024 * 1024
    })
    const seen = JSON.parse(stdout) as { lines: number; lineCount: number; problems: number; controls: { ok: boolean }[]; firstGross: string; lastKey: string; bytesRead: number; peakGrowth: number; retained: number }
    expect(seen).toMatchObject({ lines: LINES, lineCount: LINES, problems: 0, firstGross: '1.00', bytesRead: size })
    expect(seen.lastKey).toBe(JSON.stringify(['payment', `2019091622${String(LINES - 1).padStart(18, '0')}`, '']))
    expect(seen.controls).toHaveLength(4)
    expect(seen.controls.every((c) => c.ok)).toBe(true)
    // Loose: what is left after a collection is the reader's bookkeeping, not the file.
    expect(seen.retained).toBeLessThan(16 * 1024 * 1024)
    expect(seen.peakGrowth).toBeLessThan(HEAP_MB * 1024 * 1024)
  }, 180_000)
})
