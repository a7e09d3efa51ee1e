/**
 * The import-parameters bundle as the app's parameters step shows it once written, with the keys
 * in it that take material imported before, named as the key states name them, and the custody
 * copy the journal recorded for that material: what `online params` says next (online-reimport.ts),
 * a restore of that same material, never fresh material.
 */
import path from 'node:path';
import { recordedCustodyValues } from '../../core/ceremony/online/recorded-custody';
import type { JournaledKey, WrittenParametersBundle } from '../../core/ceremony/online/types';
import type { OnlineCeremony } from '../../core/ceremony/online/workflow';
import type { Response } from '../contract';
import { warningsShownInTheApp } from '../shown-in-the-app';

function named(k: JournaledKey) {
  return { keyId: k.keyId, alias: k.alias, replicaOf: k.replicaOf, region: k.region };
}

/** `written` as the renderer receives it (see above). */
export function writtenParametersView(
  ceremony: OnlineCeremony,
  written: WrittenParametersBundle,
): Response<'writeParametersBundle'> {
  const byId = new Map(ceremony.keys().map((k) => [k.keyId, k]));
  const keyOf = (keyId: string) => named(byId.get(keyId) as JournaledKey);
  const own = written.importedBefore.map(keyOf);
  const group = written.takingGroupMaterial.map((g) => ({ member: keyOf(g.keyId), holder: keyOf(g.holder) }));
  // The material's custody copy as recorded at its import: a key's own, or its group's holder's. Not
  // said of a bundle no key takes (the bundle plan's warning says to destroy it, never restore into it).
  const notTaken = ceremony.bundlePlan().destroy.some((d) => d.manifestSha256 === written.manifestSha256);
  const holder = notTaken ? undefined : (written.importedBefore[0] ?? written.takingGroupMaterial[0]?.holder);
  const { acknowledged: _, ...custody } = recordedCustodyValues(holder ? ceremony.importedCustody(holder) : undefined);
  return {
    dir: written.dir,
    folderName: path.basename(written.dir),
    manifestSha256: written.manifestSha256,
    manifestSha256Grouped: written.manifestSha256Grouped,
    keyIds: [...written.keyIds],
    // Said with the app's steps where the command line's would name a command (`surface`, as problems are).
    warnings: warningsShownInTheApp(written.warnings),
    taken: !notTaken,
    materialBefore: holder ? { own, group, custody } : null,
  };
}
