/**
 * `keyferry custody restore`: its options (one table: parsing, --help and the help test derive
 * from it) and the mixes refused before any share is read.
 */
import { KeyferryError } from '../../core/errors';
import { missingOption } from '../args';
import { HSM_OPTIONS } from '../hsm-source-options';
import { CONFIRM_FINGERPRINT_OPTION } from '../witness-confirmations';
import { optionTable, type OptionValues } from '../options';

export const NAME = 'custody restore';

export const RESTORE_OPTIONS = optionTable({
  share: { type: 'string', multiple: true, arg: 'FILE', help: 'cli.opt.restore.share' },
  typed: { type: 'string', multiple: true, arg: 'FILE', help: 'cli.opt.restore.typed' },
  backup: { type: 'string', arg: 'FILE', help: 'cli.opt.restore.backup' },
  bundle: { type: 'string', arg: 'DIR', group: 'ceremony', help: 'cli.opt.restore.bundle' },
  'wrapped-out': { type: 'string', arg: 'DIR', group: 'ceremony', help: 'cli.opt.wrapped-out' },
  journal: { type: 'string', arg: 'FILE', group: 'ceremony', help: 'cli.opt.restore.journal' },
  operator: { type: 'string', arg: 'NAME', group: 'ceremony', help: 'cli.opt.operator' },
  witness: { type: 'string', multiple: true, arg: 'NAME', group: 'ceremony', help: 'cli.opt.witness' },
  title: { type: 'string', arg: 'TEXT', group: 'ceremony', help: 'cli.opt.title' },
  'witness-confirms': {
    type: 'string',
    multiple: true,
    arg: 'NAME=DIGEST',
    group: 'ceremony',
    help: 'cli.opt.witness-confirms',
  },
  'presented-by': {
    type: 'string',
    multiple: true,
    arg: 'I=NAME',
    group: 'ceremony',
    help: 'cli.opt.restore.presented-by',
  },
  'one-person-several-shares': {
    type: 'string',
    arg: 'REASON',
    group: 'ceremony',
    help: 'cli.opt.restore.one-person-several-shares',
  },
  expires: {
    type: 'string',
    arg: 'WHEN',
    group: 'ceremony',
    help: 'cli.opt.restore.expires',
    nextLinePlaceholder: 'expiry',
  },
  'receipt-dir': { type: 'string', arg: 'DIR', group: 'ceremony', help: 'cli.opt.receipt-dir' },
  'allow-network': { type: 'boolean', help: 'cli.opt.restore.allow-network' },
  out: { type: 'string', arg: 'FILE|DIR', group: 'prove', help: 'cli.opt.restore.out' },
  'ceremony-id': { type: 'string', arg: 'ID', group: 'prove', help: 'cli.opt.restore.ceremony-id' },
  'key-id': { type: 'string', multiple: true, arg: 'ID', group: 'prove', help: 'cli.opt.restore.key-id' },
  'key-spec': { type: 'string', arg: 'SPEC', group: 'prove', help: 'cli.opt.restore.key-spec' },
  'hsm-module': { ...HSM_OPTIONS['hsm-module'], help: 'cli.opt.restore.hsm-module' },
  'hsm-token': { ...HSM_OPTIONS['hsm-token'], help: 'cli.opt.restore.hsm-token' },
  'hsm-pin-env': HSM_OPTIONS['hsm-pin-env'],
  'hsm-journal': { type: 'string', arg: 'FILE', group: 'hsm', help: 'cli.opt.restore.hsm-journal' },
  'hsm-accept-zero-filled-pad': HSM_OPTIONS['hsm-accept-zero-filled-pad'],
  'confirm-fingerprint': CONFIRM_FINGERPRINT_OPTION,
  'wrap-bundle': { type: 'string', arg: 'DIR', group: 'replaced', help: 'cli.opt.restore.wrap-bundle' },
  'expires-at': { type: 'string', arg: 'WHEN', group: 'replaced', help: 'cli.opt.restore.expires-at' },
});

export type RestoreValues = OptionValues<typeof RESTORE_OPTIONS>;

const CEREMONY_ONLY = [
  'wrapped-out',
  'journal',
  'operator',
  'witness',
  'title',
  'witness-confirms',
  'presented-by',
  'one-person-several-shares',
  'expires',
  'receipt-dir',
] as const;
const PROVE_ONLY = ['out', 'ceremony-id', 'key-id', 'key-spec'] as const;

/** Refuses option mixes before any share is read. */
export function checkMode(values: RestoreValues): void {
  if (values['confirm-fingerprint']) throw new KeyferryError('CLI_CONFIRM_FINGERPRINT_REPLACED');
  if (values['hsm-module'] !== undefined) {
    if ((values.share ?? []).length + (values.typed ?? []).length > 0 || values.backup !== undefined)
      throw new KeyferryError('HSM_RESTORE_SHARES_PRESENTED', {});
    if (values.bundle === undefined) throw new KeyferryError('HSM_RESTORE_NEEDS_BUNDLE', {});
  } else if (values['hsm-journal'] !== undefined || values['hsm-token'] !== undefined) {
    throw new KeyferryError('HSM_OPTION_NEEDS_MODULE', {});
  }
  if (values['wrap-bundle'] !== undefined)
    throw new KeyferryError('CLI_OPTION_REPLACED', { option: '--wrap-bundle', replacement: '--bundle', command: NAME });
  if (values['expires-at'] !== undefined)
    throw new KeyferryError('CLI_OPTION_REPLACED', { option: '--expires-at', replacement: '--expires', command: NAME });
  if (values['hsm-module'] === undefined && (values.share ?? []).length + (values.typed ?? []).length === 0)
    throw missingOption({ reason: 'shares', command: NAME });
  const given = (names: readonly (keyof RestoreValues)[]) => names.filter((n) => values[n] !== undefined);
  if (values.bundle === undefined) {
    const stray = given(CEREMONY_ONLY)[0];
    if (stray) throw new KeyferryError('CLI_OPTION_NEEDS', { option: `--${stray}`, needs: '--bundle DIR' });
    return;
  }
  const stray = given(PROVE_ONLY)[0];
  if (stray)
    throw new KeyferryError('CLI_OPTIONS_CONFLICT', {
      option: `--${stray}`,
      other: '--bundle',
      reason: 'restoreCeremony',
    });
  for (const option of ['wrapped-out', 'journal', 'operator'] as const) {
    if (!values[option]) throw missingOption({ reason: 'withBundle', option: `--${option}`, command: NAME });
  }
  if (!values.witness?.length) throw missingOption({ reason: 'witness' });
}

/** `--presented-by 3=Dana` → Map(3 → "Dana"). */
export function presentedByMap(entries: readonly string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const entry of entries) {
    const match = /^\s*(\d{1,2})\s*=\s*(.+)$/.exec(entry);
    const badValue = (expected: 'presentedBy' | 'presentedByOnce') =>
      new KeyferryError('CLI_OPTION_VALUE_INVALID', { option: '--presented-by', value: entry.slice(0, 60), expected });
    if (!match) throw badValue('presentedBy');
    const index = Number(match[1]);
    if (map.has(index)) throw badValue('presentedByOnce');
    map.set(index, (match[2] as string).trim());
  }
  return map;
}
