/**
 * After verification, proving that every key of a replica group holds the group's one material,
 * with nothing that reveals it.
 *
 * Asymmetric groups: get-publickey of every member (asked by each key's own proof, in its own
 * region) must equal the public key the air-gapped side wrapped for the group (one SHA-256 for the
 * whole group, checked when the bundle was read). One member that differs refuses the group
 * (`replica-group.refused`, a deviation, then REPLICA_GROUP_NOT_PROVEN).
 *
 * AES groups: Huawei KMS offers no operation that compares symmetric material across keys
 * without revealing it. encrypt-data takes no IV and returns a randomised ciphertext that names
 * its key (decrypt-data of it under another key is refused), and there is no MAC or ECB call for
 * AES_256 keys, so neither "encrypt a fixed block in each region and compare" nor "encrypt here,
 * decrypt there" exists. What is proven instead, and all the journal and receipt claim: the
 * air-gapped side wrapped one material per group (one key check value, the same for every member
 * in the wrapped bundle whose digest the witnesses confirmed), each member's import of that
 * wrapped material succeeded under its own region's token, and each member is Enabled and passed
 * its own encrypt/decrypt round trip (method `kcv-of-wrapped-material`). A member whose checked KCV
 * is not its primary's (imported in a later round by a build that did not compare it with its group)
 * holds other material for ever, and refuses the group as a differing public key does.
 */
import { KeyferryError } from '../../errors';
import { isAsymmetric } from '../../crypto/key-spec';
import type { KeyProof } from './key-proof';
import { ONLINE_EVENTS } from './events';
import { placeOf } from './key-status';
import type { OnlineStepContext } from './step-context';
import { holdsImportedMaterial, type OnlineKeyState } from './state';

/** The groups with replicas: each primary and its replicas, from the journal's keys. */
function groupsWithReplicas(ctx: OnlineStepContext): { primary: OnlineKeyState; members: OnlineKeyState[] }[] {
  const keys = [...ctx.state.keys.values()];
  return keys
    .filter((k) => k.replicaOf === undefined)
    .map((primary) => ({ primary, members: [primary, ...keys.filter((k) => k.replicaOf === primary.keyId)] }))
    .filter((g) => g.members.length > 1);
}

/**
 * Proves every replica group whose members all hold imported material, from the keys' proofs of
 * this verification; journals `replica-group.proven` per proven group and `replica-group.refused`
 * per group with a member holding other material, then refuses (REPLICA_GROUP_NOT_PROVEN) if any.
 * A group with a member not imported yet, or whose member failed its own proof for another reason
 * (already journaled as key.verify-failed), is left unproven.
 */
export async function proveReplicaGroups(ctx: OnlineStepContext, proofs: readonly KeyProof[]): Promise<void> {
  const proofOf = new Map(proofs.map((p) => [p.keyId, p]));
  let refusal: KeyferryError | undefined;
  for (const { primary, members } of groupsWithReplicas(ctx)) {
    if (!members.every((m) => holdsImportedMaterial(m) && proofOf.has(m.keyId))) continue;
    const asymmetric = isAsymmetric(primary.spec);
    const expected = asymmetric ? (primary.checkedPublicKeyFingerprint ?? null) : null;
    const memberFacts = members.map((m) => {
      const proof = proofOf.get(m.keyId) as KeyProof;
      const { region, projectId } = placeOf(ctx, m);
      return { key: m, proof, region, projectId };
    });
    const kcv = asymmetric ? null : (primary.checkedKeyCheckValue ?? null);
    // AES: a member imported (in a later round, or by a build before the import compared it with its
    // group) with material of another KCV than its primary's holds other material for ever.
    const differing = asymmetric
      ? memberFacts.find(
          (f) => typeof f.proof.publicKeyFingerprint === 'string' && f.proof.publicKeyFingerprint !== expected,
        )
      : memberFacts.find((f) => kcv !== null && (f.key.checkedKeyCheckValue ?? kcv) !== kcv);
    if (differing) {
      const values = {
        kind: asymmetric ? 'publicKey' : 'kcv',
        primary: primary.keyId,
        keyId: differing.key.keyId,
        region: differing.region,
        expected: (asymmetric ? expected : kcv) ?? '',
        found: (asymmetric ? differing.proof.publicKeyFingerprint : differing.key.checkedKeyCheckValue) ?? '',
      };
      await ctx.journal(ONLINE_EVENTS.replicaGroupRefused, {
        primaryKeyId: primary.keyId,
        code: 'REPLICA_GROUP_NOT_PROVEN',
        values,
        members: memberFacts.map((f) => ({
          keyId: f.key.keyId,
          region: f.region,
          projectId: f.projectId,
          publicKeyFingerprint: f.proof.publicKeyFingerprint ?? null,
          ...(asymmetric ? {} : { keyCheckValue: f.key.checkedKeyCheckValue ?? null }),
        })),
      });
      refusal ??= new KeyferryError('REPLICA_GROUP_NOT_PROVEN', values);
      continue;
    }
    if (!memberFacts.every((f) => f.proof.ok)) continue;
    if (!asymmetric && memberFacts.some((f) => (f.key.checkedKeyCheckValue ?? null) !== kcv)) continue;
    await ctx.journal(ONLINE_EVENTS.replicaGroupProven, {
      primaryKeyId: primary.keyId,
      method: asymmetric ? 'public-key-equal' : 'kcv-of-wrapped-material',
      publicKeyFingerprint: expected,
      keyCheckValue: kcv,
      members: memberFacts.map((f) => ({
        keyId: f.key.keyId,
        region: f.region,
        projectId: f.projectId,
        keyState: f.proof.keyState,
      })),
    });
  }
  if (refusal) throw refusal;
}
