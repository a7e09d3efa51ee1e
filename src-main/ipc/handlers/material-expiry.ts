/** The material expiry a person chose on a screen, as the core's expiry (checked by its parser). */
import { parseMaterialExpiry, type MaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import type { MaterialExpiryChoice } from '../contract';

/** "never", or a date-time that must lie in the future (checked by the core's parser). */
export function materialExpiry(choice: MaterialExpiryChoice | undefined, now: Date): MaterialExpiry {
  return !choice || choice.kind === 'never' ? { kind: 'never' } : parseMaterialExpiry(choice.at, now);
}
