/**
 * The main process's V8 settings, set by each host before its core starts (the desktop's Electron
 * main process and the headless host) and by the benchmark that stands in for them.
 *
 * V8's memory reducer runs a full mark-compact about half a minute after activity stops, to give
 * memory back to the system: on the main thread, which serves the window and the callback
 * listener, that pause was 15–33 ms at 10 M entries (`npm run bench -- main-thread`, idle), more
 * than a frame. The main process's heap is small (tens of MB: reads of many rows run in worker
 * threads), so the reducer is turned off; the ordinary collections still run as memory is used.
 *
 * Best given on the command line, before V8 starts (`npm start` and `npm run serve` start the
 * headless host with `--no-memory-reducer`): then the idle pauses stay under 2 ms. Set here at
 * start-up (the Electron main process, whose own V8 flags can only come from the command line that
 * launches Electron, and a host started without the flag), one benchmark run still showed a
 * 13–16 ms collection while idle.
 */
import { setFlagsFromString } from 'node:v8'

export function keepMainThreadResponsive(): void {
  setFlagsFromString('--no-memory-reducer')
}
