/** HSM material through PKCS#11: the module, tokens, sessions, capability check, keys and wraps. */
export { describeHsm, type HsmInfoReport, type TokenReport } from './hsm-info';
export { HsmModule, type TokenSlot } from './hsm-module';
export { HsmSession } from './hsm-session';
export { selectToken, tokenIdentity, type HsmTokenIdentity } from './hsm-token';
export { checkHsmCapability, requireCapability, type HsmCapabilityReport, type SpecCapability } from './hsm-capability';
export {
  ceremonyObjectLabel,
  findMaterialKey,
  generateAesKey,
  generateKeyPair,
  type HsmMaterialKey,
  type KeySelector,
} from './hsm-keys';
export { hsmKeyCheckValue, wrapHsmKey, type HsmWrapOptions } from './hsm-wrap';
export { capabilityFacts, mechanismLabel, MECHANISM } from './mechanisms';
