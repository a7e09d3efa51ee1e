/**
 * Warnings: something a person should see while the work goes on (a bundle still accepted, an
 * import that uses the bundle's expiry). Each travels as a code and values (`Warning` in
 * i18n/warning.ts) and is rendered here as `warning.CODE`; times are epoch ms.
 */
export const enWarnings = {
  'warning.TOKEN_EXPIRES_SOON':
    '{count, plural, =1 {The import token of key {keyId} expires} other {The import tokens of # keys expire; the first, that of key {keyId}, expires}} at {at, date, moment}, in {minutes, plural, one {# minute} other {# minutes}}: import before then or fetch new parameters.',
  'warning.EARLIER_PARAMETERS_BUNDLE_LIVE':
    'This ceremony wrote {count, plural, one {an import-parameters bundle} other {# import-parameters bundles}} before whose import tokens may still be accepted, until {at, date, moment}: {bundlesList} (folder and digest). Take only the new bundle to the air-gapped workstation and destroy {count, plural, one {the earlier one} other {the earlier ones}}, unless the air-gapped side already wrapped {count, plural, one {it} other {one of them}}: then import that wrap and do not wrap again. A wrap of two would make two versions of the material.',
  'warning.EARLIER_PARAMETERS_BUNDLE_EXPOSED':
    '{count, plural, one {The import-parameters bundle} other {# import-parameters bundles}} {bundlesList} (folder and digest) {count, plural, one {was} other {were}} written before the wrap refused at journal entry {seq} as exposed, and {count, plural, one {its} other {their}} import tokens may still be accepted until {at, date, moment}. That wrap was made from a copy changed on the media: destroy {count, plural, one {that bundle} other {those bundles}} and every copy, never wrap {count, plural, one {it} other {them}} again nor import a wrap of {count, plural, one {it} other {them}}, and take only the new bundle to the air-gapped workstation.',
  'warning.WRAPPED_FROM_EARLIER_PARAMETERS':
    'This wrapped-material bundle was made from an earlier import-parameters bundle ({dir}, digest {digest}), not from the last one this ceremony wrote ({latestDir}, digest {latestDigest}). Its import tokens have not expired, so it is checked and imported as any other (unless the KMS no longer accepts them); the online receipt names the bundle it was made from. {bound, select, yes {These keys take only the material imported before, so a wrap of the other bundle (another custody restore, say) holds that same material and makes no second version: once this import is done, destroy the other parameters bundle and any wrap made from it.} other {Destroy the other parameters bundle, and do not wrap it as well.}}',
  'warning.CLOCK_SUSPECT':
    "{count, plural, =1 {The import token of key {keyId} expires} other {The import tokens of # keys expire; the first, that of key {keyId}, expires}} at {at, date, moment}, more than 24 hours from this machine's time {now, date, moment}: check this machine's clock.",
  'warning.MATERIAL_EXPIRY_PAST':
    'The requested material expiry of key {keyId}, {at, date, moment}, has passed: the KMS will refuse the import ({kmsCode}).',
  'warning.MATERIAL_EXPIRY_PAST_BY_KMS':
    "{count, plural, =1 {The material expiry this bundle requests for key {keyId}} other {The material expiries this bundle requests for # keys (the first, key {keyId})}}, {at, date, moment}, {count, plural, =1 {is} other {are}} not ahead of the KMS's clock: the import tokens it has just issued show its time as {kmsNow, date, moment}, while this computer's clock says {now, date, moment}. The KMS would refuse {count, plural, =1 {that import} other {those imports}} (KMS.2602), and the air-gapped wrap refuses to make material for {count, plural, =1 {it} other {them}}: give the wrap an expiry further ahead (keyferry airgap wrap --expires, or the expiry on the app's preflight step; journaled as an override of the plan). In a rehearsal the simulator's clock may have been moved forward (kms-sim advance); otherwise check this computer's clock.",
  'warning.OS_METADATA_IGNORED': 'Ignored file-manager metadata that is not part of the bundle: {filesList}.',
  'warning.EXPIRY_DIFFERS_FROM_PLAN':
    "{count, plural, =1 {Key {keyId}} other {# keys (the first, key {keyId})}}: the wrapped-material bundle requests material expiry {requested, select, never {never} other {{requestedAt, date, moment}}}, the ceremony plan said {plan, select, never {never} other {{planAt, date, moment}}}; the import uses the bundle's request (witnessed on the air-gapped side) unless an expiry is chosen explicitly.",
} as const;
