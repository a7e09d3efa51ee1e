/**
 * The air-gapped side's step 2: reading the import parameters (a bundle, or the console's raw
 * files), journaling the read (`parameters.read`) or the refusal (`parameters.refused`, a
 * deviation), and what the side then shows: per key the values people compare (alias, spec,
 * wrapping-key fingerprint, token digest and expiry, replica group, region), and for the session
 * the witnesses' artefacts to confirm. A bundle naming the ceremony's people is read only by them.
 * The overview is plain values, sent over IPC and journaled.
 */
import { wrapsOnMedia, type WrapOnMedia } from './wraps-on-media';
import {
  boundMaterialFor,
  boundValue,
  importParametersFromConsoleFiles,
  type ConsoleFilesInput,
  type ImportParameters,
} from '../../bundle';
import { KeyferryError, toProblem } from '../../errors';
import { refuseUnboundJournalBesideCeremony } from '../../bundle/ceremony-facts';
import { neighbourBundles, type NeighbourBundle } from '../../bundle/neighbour-bundles';
import { problemData, type Journal } from '../../journal';
import { readParametersAtJournalTime } from './journal-kms-time';
import { expiryText, plannedExpiryOf } from '../shared/planned-expiry';
import { peopleDifference, sortedNames, type CeremonyPeople } from '../shared/people-difference';
import { checkNamedJournal, everyKeyBound, type ReadNaming } from './named-journal';
import { listValue } from '../../../i18n/list';
import type { Warning } from '../../../i18n/warning';
import {
  bundleArtefacts,
  WitnessConfirmations,
  wrappingKeyArtefacts,
  type ArtefactToConfirm,
} from './witness-confirmations';

/** One key as read from the parameters, with what people compare. */
interface AirGapKeyOverview {
  readonly keyId: string;
  readonly alias: string;
  readonly spec: ImportParameters['keySpec'];
  readonly wrappingAlgorithm: ImportParameters['wrappingAlgorithm'];
  readonly wrappingKeyFingerprint: string;
  readonly importTokenSha256: string | null;
  readonly tokenExpiresAt: string | null;
  /**
   * The material expiry planned for this key (planned-expiry.ts: its own in a format 4 bundle, else
   * the bundle's one): `never` or an ISO time; null for console files, which carry no plan.
   */
  readonly plannedExpiry: string | null;
  /** A replica: its group's primary (the material is the primary's); null for a primary or a key alone. */
  readonly replicaOf: string | null;
  /** Where the KMS key lives (null for console files). */
  readonly region: string | null;
  readonly projectId: string | null;
  /**
   * The material the KMS bound this key (or its replica group) to at its first import, from a
   * format 3 bundle: only that material can be wrapped for it (fresh material is refused before it
   * is generated; `custody restore` brings it back). Null for a key never imported into.
   */
  readonly bound: { readonly kind: 'kcv' | 'spki'; readonly value: string; readonly importedSeq: number } | null;
}

export interface ParametersOverview {
  readonly ceremonyId: string;
  readonly source: string;
  /**
   * The bundle digest (null for console files). Not for showing: the witnesses type it as heard
   * from the online workstation (`confirmations` shows it once they all have).
   */
  readonly manifestSha256: string | null;
  readonly keys: readonly AirGapKeyOverview[];
  readonly confirmations: readonly ArtefactToConfirm[];
  readonly warnings: readonly Warning[];
  /**
   * The AES material expiry the ceremony plan asks for, as the import-parameters bundle carries it:
   * `never` or an ISO 8601 time (a plan's duration was resolved when the keys were created). Null
   * for console files, which carry no plan. The air-gapped side requests it unless told otherwise.
   */
  readonly planExpiry: string | null;
}

/** The overview of `p`, one of `keys` (its replica group's binding is found among them). */
export function keyOverview(
  p: ImportParameters,
  keys: readonly ImportParameters[],
  bundleExpiry: string | null,
): AirGapKeyOverview {
  const fromKms = p.origin.kind === 'kms-answer' ? p.origin : null;
  const bound = boundMaterialFor(p, keys)?.bound;
  const planned = plannedExpiryOf(p, bundleExpiry);
  return {
    keyId: p.keyId,
    alias: fromKms?.keyAlias ?? p.keyId,
    spec: p.keySpec,
    wrappingAlgorithm: p.wrappingAlgorithm,
    wrappingKeyFingerprint: p.wrappingKey.fingerprint,
    importTokenSha256: p.importToken?.sha256 ?? null,
    tokenExpiresAt: p.importToken?.expiry?.expiresAt ?? null,
    plannedExpiry: planned === null ? null : expiryText(planned),
    replicaOf: p.replicaOf ?? null,
    region: fromKms?.region ?? null,
    projectId: fromKms?.projectId ?? null,
    bound: bound
      ? {
          kind: bound.kind === 'key-check-value' ? 'kcv' : 'spki',
          value: boundValue(bound),
          importedSeq: bound.importedSeq,
        }
      : null,
  };
}

/** What reading the parameters needs from the ceremony that reads them. */
export interface ParametersReader {
  readonly journal: Journal;
  readonly operator: string;
  readonly witnesses: readonly string[];
  /** The title this side's journal and receipt carry (the app's setup; the command line's is the bundle's). */
  readonly title?: string;
  readonly now: () => Date;
  /** Refuses parameters of another ceremony than the one this journal holds. */
  readonly refuseOtherCeremony: (ceremonyId: string) => void;
  /** The officer's reason the journal the parameters name is lost (named-journal.ts), if given. */
  readonly journalLost?: string | undefined;
  /**
   * This ceremony's wraps found on the media (wraps-on-media.ts), held to when the parameters name no
   * journal; when not given, those beside the bundle are looked for.
   */
  readonly onMedia?: readonly WrapOnMedia[] | undefined;
}

/** Parameters read, checked and journaled: the keys, what the side shows, what the witnesses confirm. */
export interface AcceptedParameters {
  readonly keys: ImportParameters[];
  readonly overview: ParametersOverview;
  readonly confirmations: WitnessConfirmations;
  /** A bundle's: the journal it names and the wraps seen on the media, for the preflight's look beside the output folder. */
  readonly naming?: ReadNaming;
}

/**
 * Refuses (PEOPLE_DIFFER_FROM_BUNDLE) a run whose operator or witnesses are not the people the
 * bundle names (`bundlePeople`, from the online journal; format version 5), before any witness
 * types anything and before any material exists: the air-gapped journal and receipt are made in
 * their names (DESIGN.md rule 7). A bundle naming no people (versions 1-4) is not checked.
 */
export function refuseOtherPeopleThanBundle(bundlePeople: CeremonyPeople | undefined, run: CeremonyPeople): void {
  if (!bundlePeople) return;
  const difference = peopleDifference(bundlePeople, run);
  if (!difference) return;
  throw new KeyferryError('PEOPLE_DIFFER_FROM_BUNDLE', {
    role: difference.role,
    bundleOperator: bundlePeople.operator,
    bundleWitnessList: listValue(sortedNames(bundlePeople.witnesses)),
    givenOperator: run.operator.trim(),
    givenWitnessList: listValue(sortedNames(run.witnesses)),
    loose: difference.meant ? 'yes' : 'no',
    looseGiven: difference.meant?.given ?? '',
    looseMeant: difference.meant?.recorded ?? '',
  });
}

/**
 * Refuses (TITLE_DIFFERS_FROM_BUNDLE) a run whose title is not the one the bundle names
 * (`bundleTitle`, the online side's), before any witness types anything (`where`: whose words say
 * the way on, the command line's --title or the app's setup): one ceremony, one title on
 * both receipts (a review's app printed its setup's "Test run, ignore" on the receipt of a ceremony
 * the online side titled "Payments key 2026"). A bundle naming no title is not checked.
 */
export function refuseOtherTitleThanBundle(
  bundleTitle: string | undefined,
  title: string | undefined,
  where: 'cli' | 'app' = 'app',
): void {
  if (bundleTitle === undefined || title === undefined || title === bundleTitle) return;
  throw new KeyferryError('TITLE_DIFFERS_FROM_BUNDLE', { given: title.slice(0, 200), bundle: bundleTitle, where });
}

/**
 * Reads and verifies an import-parameters bundle folder (a refusal is journaled and thrown); a wrap
 * in another journal than the bundle names, by the officer's word, is journaled as an override first.
 */
export async function readBundleParameters(
  reader: ParametersReader,
  dir: string,
  shownAs?: string,
): Promise<AcceptedParameters> {
  const { bundle, lost, naming } = await refusalJournaled(reader, dir, async () => {
    // Its tokens judged by the KMS's time as the parameters this journal read show it.
    const read = await readParametersAtJournalTime(dir, reader.journal.entries, reader.now(), 'airgap', shownAs);
    reader.refuseOtherCeremony(read.manifest.ceremonyId);
    // A journal that records no ceremony yet, beside this ceremony's air-gapped journal (the app's),
    // unless no new material can come of these parameters.
    if (!everyKeyBound(read.keys)) refuseUnboundJournalBesideCeremony(reader.journal, read.manifest.ceremonyId);
    refuseOtherPeopleThanBundle(read.manifest.ceremony?.people, reader);
    refuseOtherTitleThanBundle(read.manifest.ceremony?.title, reader.title);
    // Only in the journal of the wraps the online side checked, or past it by the officer's word.
    // This ceremony's wraps on the media: the command line's look (beside the bundle and the output
    // folder), else beside the bundle (the app's parameters step, before any output folder is chosen).
    const onMedia =
      reader.onMedia ?? (await wrapsOnMedia([{ dir, shownAs: shownAs ?? dir }], read.manifest.ceremonyId));
    const parameters = { named: read.manifest.ceremony?.airGapJournal, keys: read.keys, onMedia };
    const lost = checkNamedJournal(parameters, reader.journal, reader.journalLost);
    const journalLost = reader.journalLost !== undefined;
    return { bundle: read, lost, naming: { ...parameters, ceremonyId: read.manifest.ceremonyId, journalLost } };
  });
  if (lost) await reader.journal.append(reader.operator, 'parameters.named-journal-lost', { ...lost });
  const planExpiry = bundle.manifest.ceremony?.materialExpiry ?? null;
  const accepted = await acceptParameters(
    reader,
    bundle.manifest.ceremonyId,
    dir,
    bundle.digest,
    bundle.keys,
    bundle.warnings,
    planExpiry,
    // Looked for only if a witness's value is refused: a bundle read costs no look at its neighbours.
    () => neighbourBundles(dir, shownAs ?? dir, bundle.manifest.ceremonyId),
  );
  return { ...accepted, naming };
}

/** The console's raw files, one key each, for a ceremony without a bundle (a refusal is journaled and thrown). */
export async function readConsoleParameters(
  reader: ParametersReader,
  inputs: readonly ConsoleFilesInput[],
  ceremonyId: string,
): Promise<AcceptedParameters> {
  const keys = await refusalJournaled(reader, 'console files', async () =>
    inputs.map((input) => importParametersFromConsoleFiles(input)),
  );
  return acceptParameters(reader, ceremonyId, 'console files', null, keys, [], null);
}

/** Runs a parameters read; a refusal is journaled (`parameters.refused`, a deviation) and thrown. */
async function refusalJournaled<T>(reader: ParametersReader, source: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    await reader.journal.append(reader.operator, 'parameters.refused', { source, ...problemData(toProblem(error)) });
    throw error;
  }
}

/** Journals `parameters.read` and sets up the witnesses' confirmations: the bundle digest, or each wrapping key's fingerprint. */
async function acceptParameters(
  reader: ParametersReader,
  ceremonyId: string,
  source: string,
  digest: string | null,
  keys: ImportParameters[],
  warnings: readonly Warning[],
  planExpiry: string | null,
  neighbours?: () => Promise<readonly NeighbourBundle[]>,
): Promise<AcceptedParameters> {
  const overview = keys.map((p) => keyOverview(p, keys, planExpiry));
  await reader.journal.append(reader.operator, 'parameters.read', {
    ceremonyId,
    source,
    manifestSha256: digest,
    keys: overview.map((k) => ({ ...k })),
    warnings: [...warnings],
  });
  const covered = keys.map((k) => ({ keyId: k.keyId, fingerprint: k.wrappingKey.fingerprint }));
  const confirmations = new WitnessConfirmations(
    digest === null ? wrappingKeyArtefacts(covered) : bundleArtefacts(digest, covered, neighbours),
    reader.witnesses,
  );
  return {
    keys,
    confirmations,
    overview: {
      ceremonyId,
      source,
      manifestSha256: digest,
      keys: overview,
      confirmations: confirmations.list(),
      warnings,
      planExpiry,
    },
  };
}
