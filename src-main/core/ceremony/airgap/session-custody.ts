/**
 * The custody copy an air-gapped session's material has, as its wrapped-material bundle says it
 * (manifest `custody`) and the online side records it before the import: the HSM token that holds
 * the material, the custodians' shares, the officer's own material files (every key loaded from
 * one), or none (with whether its loss was acknowledged).
 */
import type { CustodyArrangement, ImportParameters } from '../../bundle';
import { everyKeyHasMaterial } from './replica-groups';

/** What a session knows of where its material is kept. */
interface SessionMaterialKeeping {
  /** The HSM token the material was produced or found in (null: none used). */
  readonly hsmToken: { readonly label: string; readonly serial: string } | null;
  /** The custody split's arrangement (undefined: no split). */
  readonly split: CustodyArrangement | undefined;
  readonly parameters: readonly Pick<ImportParameters, 'keyId' | 'replicaOf'>[];
  /** The material ids loaded from a file the officer keeps. */
  readonly loadedFromFile: ReadonlySet<string>;
  /** Whether the officer acknowledged the loss of material kept nowhere. */
  readonly noBackupAcknowledged: boolean;
}

/** The session's custody arrangement (see above). */
export function sessionCustody(keeping: SessionMaterialKeeping): CustodyArrangement {
  const { hsmToken, split, parameters, loadedFromFile } = keeping;
  if (hsmToken) return { kind: 'hsm-token', label: hsmToken.label, serial: hsmToken.serial };
  if (split) return split;
  if (everyKeyHasMaterial(parameters, (id) => loadedFromFile.has(id))) return { kind: 'material-files' };
  return { kind: 'none', acknowledged: keeping.noBackupAcknowledged };
}
