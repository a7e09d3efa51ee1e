/**
 * The material expiry a restored bundle requests: never a silent change of policy. When the fresh
 * import-parameters bundle says the material had an expiry, the person restoring must choose:
 * the original expiry (refused once past), a new date-time or duration, or "never" said
 * explicitly. The CLI (`custody restore --expires`) and the app's restore screen both ask here.
 */
import { KeyferryError } from '../../errors';
import { parseMaterialExpiry, type MaterialExpiry } from '../shared/ceremony-plan';

/**
 * `given`: what was chosen ("original", "never", a date-time or a duration), or undefined when
 * nothing was; `recorded`: the bundle's `ceremony.materialExpiry` ("never", an ISO time, or
 * undefined / null when an older Keyferry wrote none); `where` words the refusal for the CLI or the app.
 */
export function restoredExpiry(
  given: string | undefined,
  recorded: string | null | undefined,
  now: Date,
  where: 'cli' | 'app',
): MaterialExpiry {
  const had = recorded && recorded !== 'never' ? new Date(recorded) : undefined;
  if (given === undefined) {
    if (!had) return { kind: 'never' };
    throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_REQUIRED', {
      at: had.getTime(),
      past: had.getTime() <= now.getTime() ? 'yes' : 'no',
      where,
    });
  }
  if (given.trim() !== 'original') return parseMaterialExpiry(given, now);
  if (recorded === 'never') return { kind: 'never' };
  if (!had) throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_UNKNOWN', { where });
  if (had.getTime() <= now.getTime())
    throw new KeyferryError('CUSTODY_RESTORE_EXPIRY_PASSED', { at: had.getTime(), where });
  return { kind: 'at', at: had };
}
