/** Succeeded over all orders of the day, as a percentage with one decimal; null when there were none. */
export function successRate(succeeded: number, orders: number): string | null {
  return orders === 0 ? null : `${((100 * succeeded) / orders).toFixed(1)} %`
}
