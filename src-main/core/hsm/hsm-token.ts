/**
 * Choosing the token a ceremony uses (by label or serial number) and describing it the way the
 * journal and receipt record it: manufacturer, model, serial, firmware, label.
 */
import { KeyferryError } from '../errors';
import type { HsmModule, TokenSlot } from './hsm-module';
import { TOKEN_FLAG } from './pkcs11-answers';
import { listValue } from '../../i18n/list';

/** What identifies an HSM token on paper. Nothing here is secret. */
export interface HsmTokenIdentity {
  /** The module's library description and version, e.g. "Implementation of PKCS11 2.6". */
  readonly module: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serial: string;
  /** Firmware version "major.minor". */
  readonly firmware: string;
  readonly label: string;
}

export function tokenIdentity(module: HsmModule, tokenSlot: TokenSlot): HsmTokenIdentity {
  const info = module.info();
  const t = tokenSlot.token;
  return {
    module: `${info.libraryDescription} ${info.libraryVersion.major}.${info.libraryVersion.minor}`,
    manufacturer: t.manufacturerID,
    model: t.model,
    serial: t.serialNumber,
    firmware: `${t.firmwareVersion.major}.${t.firmwareVersion.minor}`,
    label: t.label,
  };
}

function describe(slots: readonly TokenSlot[]): string {
  return listValue(slots.map((s) => `"${s.token.label}" [${s.token.serialNumber || '-'}]`));
}

/**
 * The one initialized token whose label or serial number is `selector`. Refuses when there is no
 * token, none matches, or more than one does, naming the tokens that are there.
 */
export function selectToken(module: HsmModule, selector: string): TokenSlot {
  const wanted = selector.trim();
  const all = module.tokenSlots();
  const initialized = all.filter((s) => (s.token.flags & TOKEN_FLAG.TOKEN_INITIALIZED) !== 0);
  if (initialized.length === 0) {
    throw new KeyferryError('HSM_NO_TOKEN', { module: module.modulePath, emptySlots: all.length });
  }
  const matches = initialized.filter((s) => s.token.label === wanted || s.token.serialNumber === wanted);
  if (matches.length === 0) {
    throw new KeyferryError('HSM_TOKEN_NOT_FOUND', { wanted, tokensList: describe(initialized) });
  }
  if (matches.length > 1) {
    throw new KeyferryError('HSM_TOKEN_AMBIGUOUS', { wanted, tokensList: describe(matches) });
  }
  return matches[0]!;
}

/** The token as a refusal names it: `"label" (serial S)`, or by its serial alone when it has no label. */
export function tokenNamed(token: Pick<HsmTokenIdentity, 'label' | 'serial'>): string {
  const label = token.label.trim();
  const serial = token.serial.trim();
  return label ? `"${label}" (serial ${serial || '-'})` : `(serial ${serial || '-'})`;
}
