/**
 * The air-gapped side's guard for keys the KMS already bound to material (import-parameters
 * bundle format 3, see core/bundle/bound-material.ts): fresh material for such a key is refused
 * before anything is generated, material from a file, an HSM object or a restore is compared with
 * the bound identity before it is wrapped. Refusals are journaled `material.refused` (a deviation);
 * a match is journaled `material.bound-matched`, which the receipt states.
 */
import {
  boundMaterialFor,
  boundProblemValues,
  boundValue,
  materialIdOf,
  requireBoundMaterial,
  type ImportParameters,
  type MaterialEvidence,
} from '../../bundle';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type Journal } from '../../journal';

interface Journaled {
  readonly journal: Journal;
  readonly operator: string;
}

/** Why fresh material is refused: the problem, and every key of `todo` whose material is bound. */
export interface GenerateRefusal {
  readonly problem: KeyferryError;
  readonly keyIds: readonly string[];
}

/**
 * Before generating material for `todo` (keys of `parameters` that would get fresh material):
 * MATERIAL_BOUND_GENERATE_REFUSED when any of them, or any member of its replica group, is bound,
 * naming the first such key, its bound value and how many keys are bound; null when none is.
 */
export function generateRefusal(
  parameters: readonly ImportParameters[],
  todo: readonly Pick<ImportParameters, 'keyId' | 'replicaOf'>[],
): GenerateRefusal | null {
  const blocked = todo.filter((p) => boundMaterialFor(p, parameters) !== undefined);
  const bound = blocked.flatMap((p) => boundMaterialFor(p, parameters) ?? []);
  const first = bound[0];
  if (!first) return null;
  const key = parameters.find((p) => p.keyId === first.keyId);
  const problem = new KeyferryError('MATERIAL_BOUND_GENERATE_REFUSED', {
    ...boundProblemValues(first.keyId, first.bound),
    alias: key?.origin.kind === 'kms-answer' ? key.origin.keyAlias : first.keyId,
    count: bound.length,
  });
  return { problem, keyIds: blocked.map((p) => p.keyId) };
}

/** Runs `step`; a refusal whose code is one of the bound-material codes is journaled `material.refused`, then rethrown. */
export async function boundRefusalJournaled<T>(
  context: Journaled,
  source: 'generate' | 'file' | 'hsm' | 'restore',
  step: () => T | Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const problem = toProblem(error);
    if (problem.code === 'MATERIAL_BOUND_GENERATE_REFUSED' || problem.code === 'MATERIAL_NOT_THE_BOUND') {
      await context.journal.append(context.operator, 'material.refused', {
        source,
        ...problemData(problem),
      });
    }
    throw error;
  }
}

/**
 * Proves the material of every key of `keys` whose evidence is in `evidence` (by key id) is the
 * material it is bound to, and journals one `material.bound-matched` per bound key; refuses
 * (MATERIAL_NOT_THE_BOUND) at the first that is not, before anything is journaled as matched.
 */
export async function proveBoundMaterial(
  context: Journaled,
  keys: readonly ImportParameters[],
  evidence: ReadonlyMap<string, MaterialEvidence>,
  source: 'file' | 'hsm' | 'restore',
): Promise<void> {
  const matched = keys.flatMap((p) => {
    const held = evidence.get(materialIdOf(p)) ?? evidence.get(p.keyId);
    if (!held) return [];
    const bound = requireBoundMaterial(p, keys, held);
    return bound
      ? [{ keyId: p.keyId, kind: bound.kind, value: boundValue(bound), importedSeq: bound.importedSeq }]
      : [];
  });
  if (matched.length === 0) return;
  await context.journal.appendMany(
    matched.map((m) => ({ actor: context.operator, event: 'material.bound-matched', data: { ...m, source } })),
  );
}

/** Material evidence by key id, from summaries that carry it (material produced, restored or recalled). */
export function evidenceByKey(
  summaries: readonly ({ readonly keyId: string } & MaterialEvidence)[],
): Map<string, MaterialEvidence> {
  return new Map(summaries.map((s) => [s.keyId, s]));
}
