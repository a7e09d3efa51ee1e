/**
 * Test helper: the ceremony plan of a replica drill on the command line, written once: one AES key
 * with one replica in the simulator's second region (its own project), Ana operating and Ben
 * witnessing, as `plan.json` in the online side's folder.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the plan takes of a simulator serving a second region. */
interface TwoRegions {
  readonly regions: readonly { readonly region: string; readonly projectId: string }[];
}

/**
 * Writes `folder/plan.json`: the key `alias` (AES_256) with its replica in `sim`'s second region;
 * `wrappingAlgorithm` when the drill asks for one (an HSM doing OAEP with SHA-1 only), `materialExpiry` the AES material's.
 */
export async function writeReplicaPlan(
  folder: string,
  sim: TwoRegions,
  plan: {
    readonly title: string;
    readonly alias: string;
    readonly wrappingAlgorithm?: string;
    readonly materialExpiry?: string;
  },
): Promise<void> {
  const replica = sim.regions[1];
  if (!replica) throw new Error('the simulator serves no second region');
  const { title, alias, wrappingAlgorithm, materialExpiry } = plan;
  await writeFile(
    path.join(folder, 'plan.json'),
    JSON.stringify({
      title,
      operator: 'Ana',
      witnesses: ['Ben'],
      ...(wrappingAlgorithm ? { wrappingAlgorithm } : {}),
      ...(materialExpiry ? { materialExpiry } : {}),
      keys: [{ alias, spec: 'AES_256', replicas: [{ region: replica.region, projectId: replica.projectId }] }],
    }),
  );
}
