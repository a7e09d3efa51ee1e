/**
 * The one table per ceremony of which step may run from which state, and which state it leads to.
 * The workflows' step guards read it (StepGuard.require(step) takes only the step's name, so a
 * guard cannot list states of its own); main computes each session's allowed and done steps from
 * it for the IPC views; the renderer asks those views (`canRun(step)`) instead of comparing states.
 * tests/core/ceremony/shared/allowed-steps.test.ts proves guard and table agree.
 * Renderer-safe: imports only the state lists.
 */
import {
  AIR_GAP_STATES,
  ONLINE_STEPS,
  RESTORE_STATES,
  type AirGapState,
  type OnlineStep,
  type RestoreState,
} from './ceremony-states';

/** The ceremony a step table belongs to, as a refusal names it (catalogue select keys: no hyphens). */
export type GuardedCeremony = 'online' | 'airgap' | 'restore';

/** What a step does, as its refusal names it (catalogue: `problem.CEREMONY_STEP_OUT_OF_ORDER`). */
export type CeremonyStepName =
  | 'acknowledgeMaterialWithoutABackup'
  | 'checkTheHSM'
  | 'checkTheNetwork'
  | 'checkTheOutputFolders'
  | 'checkTheWrappedMaterialBundle'
  | 'confirmAsAWitness'
  | 'createKeys'
  | 'deleteImportedKeyMaterial'
  | 'fetchImportParameters'
  | 'generateKeyMaterial'
  | 'importKeyMaterial'
  | 'loadKeyMaterial'
  | 'presentAShare'
  | 'presentTheCustodyBackup'
  | 'readTheImportParameters'
  | 'readTheKeyStates'
  | 'rebuildTheMaterial'
  | 'restoreTheMaterialFromTheHSM'
  | 'showWhatTheWitnessesConfirm'
  | 'splitTheMaterialForCustody'
  | 'verifyTheImportedKeys'
  | 'wrapTheKeyMaterial'
  | 'wrapTheRebuiltMaterial'
  | 'writeTheImportParametersBundle'
  | 'writeTheReceipt'
  | 'writeTheWrappedMaterialBundle';

/**
 * A fact of the ceremony's record, beyond its state, that lets a step run from a state where it
 * otherwise may not (a rule's `alsoFrom`). The workflow says which hold (its guard's `facts`), and
 * main says the same to the IPC views, so the screens offer exactly what the guard admits.
 */
export const STEP_CONDITIONS = ['parametersBundleWrittenBefore'] as const;
type StepCondition = (typeof STEP_CONDITIONS)[number];

/** The facts that hold for a ceremony now (none: the table's states alone decide). */
export type StepFacts = ReadonlySet<StepCondition>;

const NO_FACTS: StepFacts = new Set();

/**
 * One step: the states it may run from, the state it leads to (null: it leaves the state as it is),
 * and what it does (named in the refusal); `alsoFrom`: states it may run from while a fact holds.
 */
interface StepRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S | null;
  readonly doing: CeremonyStepName;
  readonly alsoFrom?: Readonly<Partial<Record<S, StepCondition>>>;
}

/** Whether a step of `rule` may run from `state` while `facts` hold (the guard's and the views' one answer). */
export function mayRunFrom<S extends string>(rule: StepRule<S>, state: S, facts: StepFacts = NO_FACTS): boolean {
  if (rule.from.includes(state)) return true;
  const condition = rule.alsoFrom?.[state];
  return condition !== undefined && facts.has(condition);
}

export type StepTable<S extends string, K extends string = string> = Readonly<Record<K, StepRule<S>>>;

/** The online side (online/workflow.ts). */
export const ONLINE_STEP_FROM = {
  createKeys: { from: ['new'], to: 'keys-created', doing: 'createKeys' },
  fetchParameters: {
    // Once keys exist, in every later state: after an import, again for keys whose imported material
    // lapsed; after a check, when the tokens lapsed before the import (KMS.2601).
    from: ONLINE_STEPS.slice(ONLINE_STEPS.indexOf('keys-created')),
    to: 'parameters-fetched',
    doing: 'fetchImportParameters',
  },
  writeParameters: {
    from: ['parameters-fetched'],
    to: 'parameters-written',
    doing: 'writeTheImportParametersBundle',
  },
  checkWrappedBundle: {
    from: ['parameters-written', 'material-checked', 'imported', 'verified'],
    to: 'material-checked',
    doing: 'checkTheWrappedMaterialBundle',
    // Parameters fetched since the last bundle was written wait unwritten (the fetch stopped by
    // Ctrl-C, a full medium or a KMS error before its bundle was written): the air-gapped side may
    // have wrapped from the bundle written before, and that wrap, checked against the parameters it
    // answers, is imported (those fetched since are never used). The check refuses any other bundle.
    alsoFrom: { 'parameters-fetched': 'parametersBundleWrittenBefore' },
  },
  importMaterial: { from: ['material-checked'], to: 'imported', doing: 'importKeyMaterial' },
  verifyKeys: { from: ['imported', 'verified', 'finished'], to: 'verified', doing: 'verifyTheImportedKeys' },
  // From 'keys-created' too: another key's deletion takes the ceremony back there (state.ts awaitsNewParameters).
  deleteMaterial: {
    from: ['keys-created', 'imported', 'verified', 'finished'],
    to: null,
    doing: 'deleteImportedKeyMaterial',
  },
  writeReceipt: { from: ['verified'], to: 'finished', doing: 'writeTheReceipt' },
} as const satisfies StepTable<OnlineStep>;
export type OnlineStepId = keyof typeof ONLINE_STEP_FROM;

/** The steps both air-gapped ceremonies have (airgap/ceremony-base.ts runs them). */
export type SharedAirGapStepId = 'checkNetwork' | 'showArtefacts' | 'confirmArtefact' | 'writeBundle' | 'writeReceipt';

/** The states in which the witnesses confirm what the parameters bundle says. */
type WitnessedState = 'parameters-read' | 'fingerprints-confirmed';

/**
 * The witnesses' steps, the same in both air-gapped ceremonies (states `order`): what they confirm
 * is shown from the read parameters on; each witness types the bundle digest before any material
 * exists (no key is generated, loaded or rebuilt, no custodian hands over a share, no HSM is
 * opened for a bundle the witnesses do not confirm).
 */
function witnessSteps<S extends string>(
  order: readonly (S | WitnessedState)[],
): Record<'showArtefacts' | 'confirmArtefact', StepRule<S | WitnessedState>> {
  return {
    showArtefacts: {
      from: order.slice(order.indexOf('parameters-read')),
      to: null,
      doing: 'showWhatTheWitnessesConfirm',
    },
    confirmArtefact: {
      from: ['parameters-read', 'fingerprints-confirmed'],
      to: 'fingerprints-confirmed',
      doing: 'confirmAsAWitness',
    },
  };
}

/** The air-gapped side (airgap/workflow.ts). */
export const AIR_GAP_STEP_FROM = {
  checkNetwork: { from: ['new', 'network-checked'], to: 'network-checked', doing: 'checkTheNetwork' },
  readParameters: { from: ['network-checked'], to: 'parameters-read', doing: 'readTheImportParameters' },
  ...witnessSteps(AIR_GAP_STATES),
  preflight: { from: ['parameters-read', 'fingerprints-confirmed'], to: null, doing: 'checkTheOutputFolders' },
  acknowledgeNoBackup: {
    from: ['parameters-read', 'fingerprints-confirmed'],
    to: null,
    doing: 'acknowledgeMaterialWithoutABackup',
  },
  useHsm: { from: ['parameters-read', 'fingerprints-confirmed'], to: null, doing: 'checkTheHSM' },
  generateMaterial: {
    from: ['fingerprints-confirmed', 'material-ready'],
    to: 'material-ready',
    doing: 'generateKeyMaterial',
  },
  loadMaterial: {
    from: ['fingerprints-confirmed', 'material-ready'],
    to: 'material-ready',
    doing: 'loadKeyMaterial',
  },
  splitCustody: { from: ['material-ready'], to: null, doing: 'splitTheMaterialForCustody' },
  wrap: { from: ['material-ready'], to: 'wrapped', doing: 'wrapTheKeyMaterial' },
  writeBundle: { from: ['wrapped'], to: 'bundle-written', doing: 'writeTheWrappedMaterialBundle' },
  writeReceipt: { from: ['bundle-written'], to: 'finished', doing: 'writeTheReceipt' },
} as const satisfies StepTable<AirGapState> & Record<SharedAirGapStepId, StepRule<AirGapState>>;
export type AirGapStepId = keyof typeof AIR_GAP_STEP_FROM;

/** The custody restore ceremony (restore/workflow.ts). */
export const RESTORE_STEP_FROM = {
  checkNetwork: { from: ['new', 'network-checked'], to: 'network-checked', doing: 'checkTheNetwork' },
  readParameters: { from: ['network-checked'], to: 'parameters-read', doing: 'readTheImportParameters' },
  ...witnessSteps(RESTORE_STATES),
  preflight: {
    from: ['parameters-read', 'fingerprints-confirmed', 'shares-presented'],
    to: null,
    doing: 'checkTheOutputFolders',
  },
  presentShare: {
    from: ['fingerprints-confirmed', 'shares-presented'],
    to: 'shares-presented',
    doing: 'presentAShare',
  },
  presentBackup: {
    from: ['fingerprints-confirmed', 'shares-presented'],
    to: null,
    doing: 'presentTheCustodyBackup',
  },
  restore: { from: ['shares-presented'], to: 'restored', doing: 'rebuildTheMaterial' },
  // From 'shares-presented' too, so that shares given for HSM material are refused with the reason.
  restoreFromHsm: {
    from: ['fingerprints-confirmed', 'shares-presented'],
    to: 'restored',
    doing: 'restoreTheMaterialFromTheHSM',
  },
  wrap: { from: ['restored'], to: 'wrapped', doing: 'wrapTheRebuiltMaterial' },
  writeBundle: { from: ['wrapped'], to: 'bundle-written', doing: 'writeTheWrappedMaterialBundle' },
  writeReceipt: { from: ['bundle-written'], to: 'finished', doing: 'writeTheReceipt' },
} as const satisfies StepTable<RestoreState> & Record<SharedAirGapStepId, StepRule<RestoreState>>;
export type RestoreStepId = keyof typeof RESTORE_STEP_FROM;

export const ONLINE_STEP_IDS = Object.keys(ONLINE_STEP_FROM) as OnlineStepId[];
export const AIR_GAP_STEP_IDS = Object.keys(AIR_GAP_STEP_FROM) as AirGapStepId[];
export const RESTORE_STEP_IDS = Object.keys(RESTORE_STEP_FROM) as RestoreStepId[];

/** Which steps a session may run now and which are done, as the IPC views carry them. */
interface StepAvailability<K extends string> {
  /** The steps that may run from the current state. */
  readonly allowedSteps: K[];
  /** The steps whose outcome the ceremony has reached (its `to` state or a later one). */
  readonly doneSteps: K[];
}

function availability<S extends string, K extends string>(
  order: readonly S[],
  table: StepTable<S, K>,
  state: S,
  facts?: StepFacts,
): StepAvailability<K> {
  const at = order.indexOf(state);
  const steps = Object.keys(table) as K[];
  return {
    allowedSteps: steps.filter((step) => mayRunFrom(table[step], state, facts)),
    doneSteps: steps.filter((step) => {
      const to = table[step].to;
      return to !== null && order.indexOf(to) <= at;
    }),
  };
}

export const onlineStepAvailability = (state: OnlineStep, facts?: StepFacts): StepAvailability<OnlineStepId> =>
  availability(ONLINE_STEPS, ONLINE_STEP_FROM, state, facts);
export const airGapStepAvailability = (state: AirGapState): StepAvailability<AirGapStepId> =>
  availability(AIR_GAP_STATES, AIR_GAP_STEP_FROM, state);
export const restoreStepAvailability = (state: RestoreState): StepAvailability<RestoreStepId> =>
  availability(RESTORE_STATES, RESTORE_STEP_FROM, state);
