/**
 * What two names of one person share, however typed: NFC, trimmed, lower case. The one rule for
 * "the same person" (the operator among the witnesses, a custodian named twice, who hands over a
 * share), used by the ceremonies and by custody alike, so it lives beside neither.
 */
export function personKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}

/**
 * What two spellings of one name share once case, accents and spacing are set aside ("Chloe  martin"
 * and "Chloé Martin"): only to name the person probably meant in a refusal, never to take one name
 * for another.
 */
export function looseNameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}
