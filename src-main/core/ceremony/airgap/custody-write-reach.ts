/**
 * How far a custody split killed in its writes got, by holder: the writes go folder by folder in
 * holder order (custody/write-shares.ts), so a holder before the last readable folder holding the
 * set's files was `written` whole (its share missing there: another stick at its path), that last one
 * may be cut (`last`), and a holder after a readable folder they left empty was `notReached`. An
 * unreadable folder between is `unknown`: the set may be on that medium (crashed-session-custody.ts).
 */
type WriteReach = 'written' | 'last' | 'notReached' | 'unknown';

/** `holdsSet`, by holder in write order: whether its folder holds files of the set (null: not readable). */
export function writeReach(holdsSet: readonly (boolean | null)[]): WriteReach[] {
  const last = holdsSet.lastIndexOf(true);
  const leftEmpty = holdsSet.findIndex((held, i) => i > last && held === false);
  return holdsSet.map((held, i) => {
    if (i < last) return 'written';
    if (i === last) return 'last';
    if (held === false || (leftEmpty !== -1 && i > leftEmpty)) return 'notReached';
    return 'unknown';
  });
}
