/**
 * The witnesses' confirmations on the air-gapped side (DESIGN rule 7): every named witness, for
 * themselves, types back one value per artefact; nobody can be skipped or confirm for another.
 *
 * For an import-parameters bundle the artefact is the bundle and the value its digest (the SHA-256
 * of its manifest, which binds every wrapping key and import token in it), read aloud from the
 * online workstation: one value per witness whatever the number of keys. The digest is not shown
 * here until every witness has typed it, so typing it proves it was heard from the online side,
 * not copied off this screen. For the console's raw files (no bundle, no digest) each wrapping key
 * is an artefact and its fingerprint the value, shown on both sides. The per-key wrapping-key
 * fingerprints stay visible for anyone who wants to compare them too.
 *
 * A typed value that differs is refused; a slip is located by group (core/crypto/typed-digest.ts)
 * without revealing the real value.
 */
import { groupHex } from '../../hex-groups';
import { looseNameKey } from '../../person-key';
import {
  compareTypedDigest,
  differenceValues,
  parseTypedDigest,
  type TypedDigestComparison,
} from '../../crypto/typed-digest';
import { KeyferryError } from '../../errors';
import { listValue } from '../../../i18n/list';
import type { NeighbourBundle } from '../../bundle/neighbour-bundles';
import type { ProblemValues } from '../../../i18n/catalogue';

/** What a witness confirms: a whole import-parameters bundle, or (console files) one wrapping key. */
type ConfirmedArtefactKind = 'import-parameters-bundle' | 'wrapping-key';

/** One key an artefact covers and its wrapping-key fingerprint (64 lower-case hex digits). */
interface CoveredKey {
  readonly keyId: string;
  readonly fingerprint: string;
}

interface ArtefactSource {
  readonly kind: ConfirmedArtefactKind;
  /** 64 lower-case hex digits: the bundle digest, or the wrapping-key fingerprint. */
  readonly digest: string;
  readonly keys: readonly CoveredKey[];
  /**
   * Bundles beside this one on the media (neighbour-bundles.ts), looked for only when a value is
   * refused: a value typed from one of them is named as such.
   */
  readonly neighbours?: () => Promise<readonly NeighbourBundle[]>;
}

/** One artefact as screens and prompts show it, with who has confirmed it and who is still to. */
export interface ArtefactToConfirm {
  /** Its place in the list: a confirmation may name it. */
  readonly index: number;
  readonly kind: ConfirmedArtefactKind;
  readonly keyIds: readonly string[];
  /** Each covered key's wrapping-key fingerprint, grouped, for those who want to compare them too. */
  readonly fingerprints: readonly { keyId: string; fingerprint: string; grouped: string }[];
  /**
   * The value to type, grouped ("AB12 CD34 …"): a wrapping-key fingerprint always; a bundle digest
   * only once every witness has typed it (until then null: it is heard from the online workstation).
   */
  readonly shown: string | null;
  readonly confirmedBy: readonly string[];
  /** The witnesses who have not typed it yet: the step is done when this is empty everywhere. */
  readonly pending: readonly string[];
}

/** A typed value that did not match: what the journal records (never the real value). */
export interface RefusedConfirmation {
  readonly witness: string;
  readonly index: number;
  readonly kind: ConfirmedArtefactKind;
  readonly code: string;
  /** The 1-based groups of four that differ (empty when the value's form was refused). */
  readonly differingGroups: readonly number[];
  /** The folder beside the bundle whose digest the value is (WITNESS_TYPED_OTHER_BUNDLE). */
  readonly otherBundle?: string;
}

/** A confirmation that matched, to be journaled by the caller and then recorded. */
interface MatchedConfirmation {
  readonly index: number;
  readonly witness: string;
  readonly kind: ConfirmedArtefactKind;
  readonly digest: string;
  readonly keyIds: readonly string[];
}

/**
 * Wrong values one witness may type for one artefact: the one that reaches it stops the
 * confirmations (WITNESS_ATTEMPTS_EXHAUSTED), for the command line's prompt and the app's screen alike.
 */
export const WITNESS_ATTEMPTS = 3;

/** The errors `check` threw for a value it refused (and told `onRefused` of, to journal): see `isRefusedValue`. */
const refusedValues = new WeakSet<object>();

/** True when `error` is the refusal of a typed value (journaled as `witness.refused`), not a problem with the command. */
export function isRefusedValue(error: unknown): error is KeyferryError {
  return error instanceof KeyferryError && refusedValues.has(error);
}

export class WitnessConfirmations {
  readonly #witnesses: readonly string[];
  readonly #artefacts: readonly ArtefactSource[];
  readonly #confirmedBy: string[][];
  /** Wrong values so far, by artefact index and witness. */
  readonly #refusedCount = new Map<string, number>();
  /** Set once a witness typed WITNESS_ATTEMPTS wrong values: nothing more is checked. */
  #spent: ProblemValues<'WITNESS_ATTEMPTS_EXHAUSTED'> | undefined;

  constructor(artefacts: readonly ArtefactSource[], witnesses: readonly string[]) {
    this.#artefacts = artefacts;
    this.#witnesses = witnesses;
    this.#confirmedBy = artefacts.map(() => []);
  }

  list(): ArtefactToConfirm[] {
    return this.#artefacts.map((a, index) => {
      const confirmedBy = [...(this.#confirmedBy[index] ?? [])];
      const pending = this.#witnesses.filter((w) => !confirmedBy.includes(w));
      const shown = a.kind === 'wrapping-key' || pending.length === 0;
      return {
        index,
        kind: a.kind,
        keyIds: a.keys.map((k) => k.keyId),
        fingerprints: a.keys.map((k) => ({ ...k, grouped: groupHex(k.fingerprint) })),
        shown: shown ? groupHex(a.digest) : null,
        confirmedBy,
        pending,
      };
    });
  }

  /** The named witness `typed` names (trimmed, exact), or WITNESS_UNKNOWN. */
  witnessNamed(typed: string): string {
    const name = this.#witnesses.find((w) => w === typed.trim());
    if (name) return name;
    // A name typed in other case, spacing or without its accents ("chloe martin") is no witness, but
    // it is worth naming the one meant.
    const meant = this.#witnesses.find((w) => looseNameKey(w) === looseNameKey(typed));
    throw new KeyferryError('WITNESS_UNKNOWN', {
      witness: typed.trim().slice(0, 100),
      witnessesList: listValue(this.#witnesses),
      match: meant === undefined ? 'none' : 'loose',
      meant: meant ?? '',
    });
  }

  /**
   * The artefact a value typed by `witness` is for: `index` when given; else the one whose value
   * it is (console files: several wrapping keys); else the first this witness has not confirmed.
   */
  #target(witness: string, digits: string | undefined, index: number | undefined): number {
    if (index !== undefined) {
      if (!Number.isInteger(index) || index < 0 || index >= this.#artefacts.length)
        throw new KeyferryError('WITNESS_ARTEFACT_UNKNOWN', { index, count: this.#artefacts.length });
      return index;
    }
    const exact = digits === undefined ? -1 : this.#artefacts.findIndex((a) => a.digest === digits);
    if (exact >= 0) return exact;
    const open = this.#confirmedBy.findIndex((by) => !by.includes(witness));
    return open >= 0 ? open : 0;
  }

  /**
   * Checks what `witness` typed (for artefact `index`, by default the one it matches or their
   * next). Throws WITNESS_UNKNOWN; the typed value's form problem (DIGEST_TYPED_*) or
   * WITNESS_DIGEST_SLIP/MISMATCH/TYPED_FINGERPRINT/TYPED_OTHER_BUNDLE, telling `onRefused` first; nothing is recorded here.
   */
  async check(
    witness: string,
    typed: string,
    index: number | undefined,
    onRefused: (refused: RefusedConfirmation) => Promise<void>,
  ): Promise<MatchedConfirmation> {
    const name = this.witnessNamed(witness);
    if (this.#spent) throw new KeyferryError('WITNESS_ATTEMPTS_EXHAUSTED', this.#spent);
    let digits: string | undefined;
    let formError: unknown;
    try {
      // The subject names the value in a form problem ("the typed import-parameters bundle digest has …").
      const kind = this.#artefacts[index ?? 0]?.kind ?? 'import-parameters-bundle';
      digits = parseTypedDigest(typed, kind === 'import-parameters-bundle' ? 'parameters' : 'fingerprint', name);
    } catch (error) {
      formError = error;
    }
    const at = this.#target(name, digits, index);
    const artefact = this.#artefacts[at] as ArtefactSource;
    if (digits === undefined) {
      const code = formError instanceof KeyferryError ? formError.code : 'DIGEST_TYPED_INVALID';
      await onRefused({ witness: name, index: at, kind: artefact.kind, code, differingGroups: [] });
      if (formError instanceof KeyferryError) refusedValues.add(formError);
      throw this.#counted(name, at, formError);
    }
    const comparison = compareTypedDigest(digits, artefact.digest);
    if (!comparison.matches) {
      const error = refusal(name, artefact, digits, comparison, (await artefact.neighbours?.()) ?? []);
      await onRefused({
        witness: name,
        index: at,
        kind: artefact.kind,
        code: error.code,
        differingGroups: [...comparison.differing],
        ...(error.code === 'WITNESS_TYPED_OTHER_BUNDLE' ? { otherBundle: String(error.values?.folder) } : {}),
      });
      refusedValues.add(error);
      throw this.#counted(name, at, error);
    }
    return {
      index: at,
      witness: name,
      kind: artefact.kind,
      digest: artefact.digest,
      keyIds: this.list()[at]?.keyIds ?? [],
    };
  }

  /**
   * Counts a refused value of `witness` for artefact `index`: the refusal itself, or at the
   * WITNESS_ATTEMPTS-th one WITNESS_ATTEMPTS_EXHAUSTED (caused by it), after which nothing is checked.
   */
  #counted(witness: string, index: number, refused: unknown): unknown {
    // Nothing typed (the prompt asks again), or a witness who already confirmed it: no wrong value
    // (a review's witness, confirmed, then ended every other witness's turn with three more).
    const empty = refused instanceof KeyferryError && refused.code === 'DIGEST_TYPED_EMPTY';
    if (empty || this.#confirmedBy[index]?.includes(witness)) return refused;
    const key = `${index} ${witness}`;
    const attempts = (this.#refusedCount.get(key) ?? 0) + 1;
    this.#refusedCount.set(key, attempts);
    if (attempts < WITNESS_ATTEMPTS) return refused;
    const artefact = this.#artefacts[index] as ArtefactSource;
    const keyIds = artefact.keys.map((k) => k.keyId);
    this.#spent = {
      witness,
      attempts,
      artefact: artefact.kind === 'import-parameters-bundle' ? 'bundle' : 'key',
      count: keyIds.length,
      keys: listValue(keyIds),
    };
    const exhausted = new KeyferryError('WITNESS_ATTEMPTS_EXHAUSTED', this.#spent, { cause: refused });
    refusedValues.add(exhausted);
    return exhausted;
  }

  /** Records a matched confirmation (after it was journaled) and returns the artefact as it now stands. */
  record(matched: MatchedConfirmation): ArtefactToConfirm {
    const by = this.#confirmedBy[matched.index] as string[];
    if (!by.includes(matched.witness)) by.push(matched.witness);
    return this.list()[matched.index] as ArtefactToConfirm;
  }

  /** How many confirmations are still missing (witnesses × artefacts not yet typed). */
  remaining(): number {
    return this.list().reduce((sum, a) => sum + a.pending.length, 0);
  }

  /** The artefacts some witness has not confirmed yet. */
  unconfirmed(): ArtefactToConfirm[] {
    return this.list().filter((a) => a.pending.length > 0);
  }
}

function refusal(
  witness: string,
  source: ArtefactSource,
  digits: string,
  comparison: Extract<TypedDigestComparison, { matches: false }>,
  neighbours: readonly NeighbourBundle[],
): KeyferryError {
  const artefact = source.kind === 'import-parameters-bundle' ? 'bundle' : 'key';
  // The online side prints each wrapping-key fingerprint just above the bundle digest: a witness
  // who typed one of those heard the wrong line read, which says more than "16 groups differ".
  const fingerprintOf =
    source.kind === 'import-parameters-bundle' ? source.keys.find((k) => k.fingerprint === digits) : undefined;
  // Typed at a prompt or on a screen (the CLI says `option` for a value given with --witness-confirms).
  if (fingerprintOf)
    return new KeyferryError('WITNESS_TYPED_FINGERPRINT', { witness, keyId: fingerprintOf.keyId, given: 'typed' });
  // `online params` run twice writes two bundles: the digest read aloud may be the other folder's.
  const other = neighbours.find((n) => n.digest === digits);
  if (other)
    return new KeyferryError('WITNESS_TYPED_OTHER_BUNDLE', {
      witness,
      folder: other.folder,
      other: other.otherCeremony ? 'yes' : 'no',
      bundleCeremony: other.otherCeremony?.named ?? '',
      ceremonyId: other.otherCeremony?.own ?? '',
      kind: other.wrapped ? 'wrapped' : 'parameters',
    });
  const difference = differenceValues(comparison);
  if (!comparison.slip)
    return new KeyferryError('WITNESS_DIGEST_MISMATCH', { witness, count: difference.count, artefact });
  return new KeyferryError('WITNESS_DIGEST_SLIP', { witness, artefact, ...difference, given: 'typed' });
}

/** The artefacts of an import-parameters bundle: one, the bundle itself (its digest binds every key). */
export function bundleArtefacts(
  digest: string,
  keys: readonly CoveredKey[],
  neighbours?: () => Promise<readonly NeighbourBundle[]>,
): ArtefactSource[] {
  return [
    {
      kind: 'import-parameters-bundle',
      digest,
      keys: keys.map((k) => ({ ...k })),
      ...(neighbours ? { neighbours } : {}),
    },
  ];
}

/** The artefacts of console files (no bundle digest): one per distinct wrapping key. */
export function wrappingKeyArtefacts(keys: readonly CoveredKey[]): ArtefactSource[] {
  const byFingerprint = new Map<string, CoveredKey[]>();
  for (const k of keys) byFingerprint.set(k.fingerprint, [...(byFingerprint.get(k.fingerprint) ?? []), { ...k }]);
  return [...byFingerprint].map(([fingerprint, covered]) => ({
    kind: 'wrapping-key' as const,
    digest: fingerprint,
    keys: covered,
  }));
}
