/**
 * An EC key pair a crashed session left in a real SoftHSM token, beside a finished session's pair
 * under the same label and CKA_ID (a repeated wrap): the next session that logs in destroys the
 * crashed session's private key (it signs a challenge that Node verifies with the public key whose
 * fingerprint that session journaled) and its public key, and never the finished session's pair (OpenSC's
 * pkcs11-tool lists it afterwards, and its public key is the one the finished session journaled).
 * SoftHSM's capability check refuses EC for the KMS before a ceremony generates any, so the two
 * sessions' `material.generated` entries are written here as the air-gapped side writes them.
 */
import { describe, expect, it } from 'vitest';
import { destroyCrashedLeftObjects } from '../../../../src-main/core/ceremony/airgap/crashed-objects-destroy';
import { crashedSessionTokenObjects } from '../../../../src-main/core/ceremony/airgap/crashed-session-token-objects';
import { AirGapHsmMaterial } from '../../../../src-main/core/ceremony/airgap/hsm-material';
import { readImportParametersBundle } from '../../../../src-main/core/ceremony/airgap/steps';
import { derFingerprint } from '../../../../src-main/core/crypto/evidence';
import { generateKeyPair } from '../../../../src-main/core/hsm';
import { findObjects, publicKeySpki } from '../../../../src-main/core/hsm/hsm-keys';
import { CKA, CKO } from '../../../../src-main/core/hsm/attributes';
import { openSession } from '../../hsm/helpers/hsm-fixtures';
import { listTokenObjects } from '../../hsm/helpers/soft-tokens';
import { onlineDayOne } from '../ceremony-fixture';
import { hsmPlan, softHsmCeremonies, softHsmRequest } from '../hsm-ceremony';

const t = softHsmCeremonies('crash-ec', '52817364');
const KEY_ID = '0a1b2c3d-0000-4000-8000-0000000000ec';
const LABEL = `keyferry KF-20261204-ecleft ${KEY_ID}`;
const ID = Buffer.from(KEY_ID);

describe('destroyCrashedLeftObjects: an EC key pair a crashed session left (SoftHSM)', () => {
  it('destroys the crashed session’s private key, proven by sign-and-verify, and never the finished one’s', async () => {
    const { f, token } = t;
    const plan = hsmPlan(f, ['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const { keys } = await readImportParametersBundle(params, new Date(), 'airgap');
    const pairs = (() => {
      const hsm = openSession(token);
      try {
        const place = { token: true, label: LABEL, id: ID };
        return [generateKeyPair(hsm.session, 'EC_P256', place), generateKeyPair(hsm.session, 'EC_P256', place)];
      } finally {
        hsm.close();
      }
    })();
    const [finished, crashed] = pairs.map((p) => p.publicKeySpkiDer as Buffer) as [Buffer, Buffer];
    const journal = await f.journal('airgap.jsonl');
    const operator = plan.operator;
    try {
      const generated = (spki: Buffer) =>
        journal.append(operator, 'material.generated', {
          keyId: KEY_ID,
          spec: 'EC_P256',
          source: 'hsm',
          publicKeyFingerprint: derFingerprint(spki),
          keyCheckValue: null,
          objectLabel: LABEL,
          hsmTokenSerial: token.serial,
          hsmTokenLabel: token.label,
          objectId: ID.toString('hex'),
          keptInHsm: true,
        });
      await generated(finished);
      const crashedEntry = await generated(crashed);
      await crashedSessionTokenObjects([crashedEntry], journal, operator, 'the process ended without stopping');
      const context = { journal, operator };
      const hsm = await AirGapHsmMaterial.open(softHsmRequest(token, { acceptZeroFilledPad: true }), keys, context);
      try {
        const cleanup = await destroyCrashedLeftObjects(hsm, journal, operator);
        expect(cleanup?.unproven).toEqual([]);
        expect(cleanup?.destroyed.map((o) => o.objectClass)).toEqual(['CKO_PRIVATE_KEY', 'CKO_PUBLIC_KEY']);
      } finally {
        hsm.close();
      }
      expect(journal.entries.at(-1)?.event).toBe('hsm.objects-destroyed');
    } finally {
      await journal.close();
    }
    const hex = ID.toString('hex');
    expect(listTokenObjects(token)).toEqual([`private ${LABEL} ${hex}`, `public ${LABEL} ${hex}`]);
    const hsm = openSession(token);
    try {
      const [left] = findObjects(hsm.session, [{ type: CKA.CLASS, value: CKO.PUBLIC_KEY }]);
      expect(publicKeySpki(hsm.session, 'EC_P256', left as Buffer, LABEL)).toEqual(finished);
    } finally {
      hsm.close();
    }
  }, 120_000);
});
