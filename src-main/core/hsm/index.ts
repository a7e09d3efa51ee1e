/** HSM material through PKCS#11: the module, tokens, sessions, capability check, keys and wraps. */
export { describeHsm } from './hsm-info';
export { HsmModule } from './hsm-module';
export { HsmSession } from './hsm-session';
export { selectToken, type HsmTokenIdentity } from './hsm-token';
export { checkHsmCapability, requireCapability, type HsmCapabilityReport } from './hsm-capability';
export { ceremonyObjectLabel, findMaterialKey, generateAesKey, generateKeyPair, type HsmMaterialKey } from './hsm-keys';
export { hsmKeyCheckValue, privateKeyWrapTooShort, wrapHsmKey } from './hsm-wrap';
export { capabilityFacts, mechanismLabel } from './mechanisms';
export {
  deleteObjectCommand,
  destroyTokenObjects,
  type CreatedTokenObject,
  type TokenObjectRecord,
  type TokenObjectsDiscarded,
} from './token-objects';
export type { TokenObjectClass } from './token-object-class';
export { keyObjectsLabelled } from './labelled-objects';
export { judgeLeftObject, type LeftTokenObject, type UnprovenWhy } from './leftover-objects';
