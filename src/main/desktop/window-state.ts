/**
 * The main window opens where the user left it: size, position and maximized state are kept in
 * `<userData>/window-state.json`. A saved position that no display shows any more (a monitor
 * unplugged) is dropped, so the window never opens off screen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_WINDOW = { width: 1360, height: 880 } as const
const MIN = { width: 800, height: 600 } as const

const savedState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN.width).max(20_000),
  height: z.number().int().min(MIN.height).max(20_000),
  maximized: z.boolean()
})
export type WindowState = z.infer<typeof savedState>

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  width: number
  height: number
  x?: number
  y?: number
  maximized: boolean
}

/** The saved state, or null when there is none or it cannot be read (never an error at start). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = savedState.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Written beside and renamed over, so a crash mid-write leaves the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state))
  renameSync(`${file}.tmp`, file)
}

const overlap = (a: Area, b: Area) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

/**
 * Where to open the window: the saved bounds when a display's work area shows at least a quarter
 * of them (shrunk to fit the largest display), else the default size, centred by the OS.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Area[]): WindowPlacement {
  if (!saved) return { ...DEFAULT_WINDOW, maximized: false }
  const visible = workAreas.some((area) => overlap(saved, area) >= (saved.width * saved.height) / 4)
  const widest = Math.max(...workAreas.map((a) => a.width), MIN.width)
  const tallest = Math.max(...workAreas.map((a) => a.height), MIN.height)
  const size = { width: Math.min(saved.width, widest), height: Math.min(saved.height, tallest) }
  return visible ? { ...size, x: saved.x, y: saved.y, maximized: saved.maximized } : { ...size, maximized: saved.maximized }
}
