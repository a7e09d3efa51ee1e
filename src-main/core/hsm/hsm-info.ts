/**
 * What `keyferry hsm info` shows: the module, every slot with a token (manufacturer, model,
 * serial, firmware, label, PIN state) and, per token, the mechanisms a ceremony uses with their
 * key-size ranges. Needs no PIN and changes nothing on the token.
 */
import { HsmModule } from './hsm-module';
import { CEREMONY_MECHANISMS, MECHANISM, mechanismLabel } from './mechanisms';
import { TOKEN_FLAG, type ModuleInfo } from './pkcs11-answers';

interface MechanismSupport {
  readonly name: string;
  readonly present: boolean;
  readonly minKeySize: number | null;
  readonly maxKeySize: number | null;
}

export interface TokenReport {
  readonly slotId: string;
  readonly slotDescription: string;
  readonly label: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serial: string;
  readonly firmware: string;
  readonly hardware: string;
  readonly initialized: boolean;
  readonly pin: 'ok' | 'notSet' | 'countLow' | 'finalTry' | 'locked';
  readonly mechanisms: readonly MechanismSupport[];
  readonly mechanismCount: number;
}

export interface HsmInfoReport {
  readonly modulePath: string;
  readonly module: ModuleInfo;
  readonly tokens: readonly TokenReport[];
}

function pinState(flags: number): TokenReport['pin'] {
  if (flags & TOKEN_FLAG.USER_PIN_LOCKED) return 'locked';
  if (flags & TOKEN_FLAG.USER_PIN_FINAL_TRY) return 'finalTry';
  if (flags & TOKEN_FLAG.USER_PIN_COUNT_LOW) return 'countLow';
  if (!(flags & TOKEN_FLAG.USER_PIN_INITIALIZED)) return 'notSet';
  return 'ok';
}

/** Describes the module at `modulePath` and its tokens. */
export function describeHsm(modulePath: string): HsmInfoReport {
  const module = HsmModule.open(modulePath);
  try {
    const info = module.info();
    const tokens = module.tokenSlots().map((s): TokenReport => {
      const list = new Set(module.mechanisms(s.slot));
      const mechanisms = CEREMONY_MECHANISMS.map((name): MechanismSupport => {
        const mechanism = MECHANISM[name];
        if (!list.has(mechanism))
          return { name: mechanismLabel(mechanism), present: false, minKeySize: null, maxKeySize: null };
        const range = module.mechanismInfo(s.slot, mechanism);
        return {
          name: mechanismLabel(mechanism),
          present: true,
          minKeySize: range.minKeySize,
          maxKeySize: range.maxKeySize,
        };
      });
      const t = s.token;
      return {
        slotId: s.slotId,
        slotDescription: s.slotDescription,
        label: t.label,
        manufacturer: t.manufacturerID,
        model: t.model,
        serial: t.serialNumber,
        firmware: `${t.firmwareVersion.major}.${t.firmwareVersion.minor}`,
        hardware: `${t.hardwareVersion.major}.${t.hardwareVersion.minor}`,
        initialized: (t.flags & TOKEN_FLAG.TOKEN_INITIALIZED) !== 0,
        pin: pinState(t.flags),
        mechanisms,
        mechanismCount: list.size,
      };
    });
    return { modulePath: module.modulePath, module: info, tokens };
  } finally {
    module.close();
  }
}
