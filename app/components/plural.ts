/** The noun for a count as GitHub writes it: "1 star", "0 stars", "12 stars" — never "1 stars". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
