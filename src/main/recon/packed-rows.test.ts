import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { forEachPackedRow, RowPacker, transferables, type LineRow, type PackedRows } from './packed-rows'

const rows: LineRow[] = [
  [1, '["payment","2088A"]', 'payment', 'P1', 'M1', '2088A', null, 'CNY', 216568, '-12.99000', -1299, 215269, 1_763_741_670_000, 'paid', 'u1***@163.com', '["2088A","年卡"]'],
  [2, '["refund","R1"]', 'refund', null, '', null, 'R1', null, null, null, null, null, null, null, null, '[]'],
  [7, '["payout","X"]', 'payout', 'P3', null, null, null, 'JPY', -9_007_199_254_740_991, '0', 0, 0, -1, 'failed', '', '["","\\t"]']
]

const unpacked = (packed: PackedRows) => {
  const out: unknown[][] = []
  forEachPackedRow(packed, (row) => out.push([...row]))
  return out
}

describe('packed rows', () => {
  it('hand every value over as it was, nulls apart from empty texts, across a thread boundary', () => {
    const packer = new RowPacker(3)
    for (const row of rows) packer.add(row)
    expect(packer.full).toBe(true)
    const packed = packer.take()
    const { port1, port2 } = new MessageChannel()
    port1.postMessage(packed, transferables(packed))
    // Moved, not copied: the sender's buffers are detached.
    expect(packed.numbers.length).toBe(0)
    const received = receiveMessageOnPort(port2)!.message as PackedRows
    port1.close()
    expect(unpacked(received)).toEqual(rows)
  })

  it('starts empty after a take, and refuses a row beyond its capacity', () => {
    const packer = new RowPacker(2)
    packer.add(rows[0])
    expect(unpacked(packer.take())).toEqual([rows[0]])
    expect(packer.count).toBe(0)
    packer.add(rows[1])
    packer.add(rows[2])
    expect(() => packer.add(rows[0])).toThrow(/holds 2 rows/)
    expect(unpacked(packer.take())).toEqual([rows[1], rows[2]])
  })
})
