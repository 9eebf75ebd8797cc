/** Small SQL helpers shared by list procedures. */

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `escape '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize
}
