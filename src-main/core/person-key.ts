/**
 * What two names of one person share, however typed: NFC, trimmed, lower case. The one rule for
 * "the same person" (the operator among the witnesses, a custodian named twice, who hands over a
 * share), used by the ceremonies and by custody alike, so it lives beside neither.
 */
export function personKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}
