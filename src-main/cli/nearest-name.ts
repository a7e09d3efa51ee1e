/**
 * The name an officer most likely meant when they typed one that does not exist (`--jurnal`,
 * `online improt`): the one known name within two edits (insert, delete, replace, or swap two
 * neighbouring letters), case aside. None when no name is that close, or when two are equally close:
 * a guess between two is no help at 3 a.m.
 */

/** Edits between `a` and `b`, counting a swap of two neighbouring letters as one (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The known name closest to `typed` (at most two edits, and closer than any other), or undefined. */
export function nearestName(typed: string, known: readonly string[]): string | undefined {
  const wanted = typed.toLowerCase();
  // Short names are too easily two edits from anything.
  const limit = wanted.length <= 4 ? 1 : 2;
  const scored = known
    .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
    .filter((s) => s.distance <= limit)
    .sort((x, y) => x.distance - y.distance);
  const [best, next] = scored;
  if (best === undefined || (next !== undefined && next.distance === best.distance)) return undefined;
  return best.name;
}
