/**
 * A QR payload drawn as a QR code a phone can scan (the `qrcode` library encodes it; the modules
 * are drawn as SVG rectangles, so no image URL or inline HTML is needed under the page's CSP).
 */
import { create } from 'qrcode'
import { useMemo } from 'react'

/** Quiet zone around the code, in modules (the standard asks for 4). */
const QUIET = 4

export function PaymentQr({ payload, label, size = 240 }: { payload: string; label: string; size?: number }) {
  const squares = useMemo(() => {
    const { modules } = create(payload, { errorCorrectionLevel: 'M' })
    const dark: [number, number][] = []
    for (let row = 0; row < modules.size; row++) for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.push([col, row])
    return { count: modules.size, dark }
  }, [payload])
  const extent = squares.count + QUIET * 2
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges" data-testid="payment-qr-code">
      <rect width={extent} height={extent} fill="#fff" />
      {squares.dark.map(([x, y]) => (
        <rect key={`${x}:${y}`} x={x + QUIET} y={y + QUIET} width={1} height={1} fill="#000" />
      ))}
    </svg>
  )
}
