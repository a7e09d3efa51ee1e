/**
 * The placeholders of the printed Next lines left in a pasted command line, refused before the
 * command runs, saying what to put in their place, instead of the command's own "does not exist",
 * "could not read the share file" or "not a date-time":
 * - `MEDIA/…`, the removable media's folder (command-line.ts `onMedia`), in any path value;
 * - `SHARE-1`, `SHARE-2` …, the custodians' share files of a `custody restore` line, in a path value;
 * - `PKCS11-MODULE`, the HSM's library of an HSM restore or wrap line, as a path value;
 * - `EXPIRY`, the material expiry of a `custody restore`, `airgap wrap` or `online import` line, `DIGEST`, the
 *   bundle digest of an `online import` line, and `M/N`, `NAME` and `DIR`, the custody split of an
 *   `airgap wrap` line (options whose OptionDef names it as its `nextLinePlaceholder`).
 * Only path values are looked at for the first two (options.ts: those whose --help placeholder is
 * FILE or DIR, and such a positional): a key alias or a reason may well start with MEDIA/.
 * Every placeholder left is found before one refusal names them all: an officer who replaced the
 * shares and forgot MEDIA and EXPIRY learns of both at once, not at two further tries.
 */
import { listValue } from '../i18n/list';
import { KeyferryError } from '../core/errors';

/** `MEDIA`, or a path under it written with either separator (a folder really named MEDIA: `./MEDIA/…`). */
const MEDIA_PATH = /^MEDIA(?:[\\/]|$)/;
/** A share file's placeholder as `online params` and `online status` print it (a file really so named: `./SHARE-1`). */
const SHARE_FILE = /^SHARE-\d{1,3}$/;
/** The HSM's PKCS#11 library as the printed HSM restore and wrap lines give it (a file really so named: `./PKCS11-MODULE`). */
const MODULE_FILE = 'PKCS11-MODULE';

/** The kinds of placeholder a printed Next line holds. */
type PlaceholderKind = 'media' | 'share' | 'module' | NextLinePlaceholder;

/**
 * The placeholder a Next line prints as a non-path option's value, for OptionDef: `expiry` (a
 * restore's `--expires EXPIRY`, where "original" is a choice), `wrapExpiry` (a wrap's, whose
 * durations count from the KMS's time), `importExpiry` (an import's), `digest` (`--expect-digest DIGEST`)
 * and the custody split's `custodySplit` (`--custody M/N`), `custodian` (`--custodian NAME`) and
 * `custodianFolder` (`--custodian-folder DIR`).
 */
export type NextLinePlaceholder =
  'expiry' | 'wrapExpiry' | 'importExpiry' | 'digest' | 'custodySplit' | 'custodian' | 'custodianFolder';

/** The custody split's placeholders: refused together, as one (CLI_CUSTODY_NOT_REPLACED). */
const CUSTODY_KINDS: ReadonlySet<PlaceholderKind> = new Set(['custodySplit', 'custodian', 'custodianFolder']);

/** The word printed for each. */
const WORDS: Readonly<Record<NextLinePlaceholder, string>> = {
  expiry: 'EXPIRY',
  wrapExpiry: 'EXPIRY',
  importExpiry: 'EXPIRY',
  digest: 'DIGEST',
  custodySplit: 'M/N',
  custodian: 'NAME',
  custodianFolder: 'DIR',
};

/** Whose material expiry an EXPIRY stands for (CLI_EXPIRY_NOT_REPLACED's `of`). */
const EXPIRY_OF: Readonly<Record<'expiry' | 'wrapExpiry' | 'importExpiry', string>> = {
  expiry: 'restore',
  wrapExpiry: 'wrap',
  importExpiry: 'import',
};

/** A placeholder left in the line: its kind, the option it was given to (none for a positional), the value. */
interface PlaceholderLeft {
  readonly kind: PlaceholderKind;
  readonly option?: string;
  readonly value: string;
  /** Which of the option's values it is (1-based): for a custodian's NAME or DIR, which custodian. */
  readonly nth?: number;
}

/** The placeholders found in a command line, to be refused together (`refuse`). */
export class PlaceholdersLeft {
  private readonly found: PlaceholderLeft[] = [];
  /** How many values of each option were looked at by `word`. */
  private readonly seen = new Map<string, number>();

  /** Looks at the path value `value` given to `option` (none: the positional argument). */
  path(value: string, option?: string): void {
    const kind = MEDIA_PATH.test(value)
      ? 'media'
      : SHARE_FILE.test(value)
        ? 'share'
        : value === MODULE_FILE
          ? 'module'
          : undefined;
    if (kind) this.found.push({ kind, value: value.slice(0, 120), ...(option ? { option } : {}) });
  }

  /** Looks at `value`, given to `option` whose Next line prints `placeholder` in its place. */
  word(value: string, option: string, placeholder: NextLinePlaceholder): void {
    const word = WORDS[placeholder];
    const nth = (this.seen.get(option) ?? 0) + 1;
    this.seen.set(option, nth);
    if (value.trim() === word) this.found.push({ kind: placeholder, option, value: word, nth });
  }

  private has(kind: PlaceholderKind): boolean {
    return this.found.some((f) => f.kind === kind);
  }

  /** The custodians (1-based, in the order given) whose NAME or DIR is left. */
  private custodiansLeft(): number[] {
    const left = this.found.filter((f) => f.kind === 'custodian' || f.kind === 'custodianFolder');
    return [...new Set(left.map((f) => f.nth ?? 0))].sort((a, b) => a - b);
  }

  /** Refuses the line when any placeholder is left: one kind by its own message, several kinds together. */
  refuse(): void {
    const [first] = this.found;
    if (!first) return;
    // The custody split's three count as one kind: pasted unchanged, all three are left.
    const kinds = new Set(this.found.map((f) => (CUSTODY_KINDS.has(f.kind) ? 'custodySplit' : f.kind)));
    const valuesList = listValue(this.found.map((f) => (f.option ? `${f.option} ${f.value}` : f.value)));
    if (kinds.size === 1) {
      if (first.kind === 'custodySplit' || first.kind === 'custodian' || first.kind === 'custodianFolder') {
        // With M/N left, the whole split is to be given: which custodian is not worth saying.
        const split = this.has('custodySplit');
        const custodians = split ? [] : this.custodiansLeft();
        throw new KeyferryError('CLI_CUSTODY_NOT_REPLACED', {
          count: this.found.length,
          valuesList,
          split: split ? 'yes' : 'no',
          custodians: custodians.length,
          custodiansList: listValue(custodians),
        });
      }
      if (first.kind === 'media') throw new KeyferryError('CLI_MEDIA_NOT_REPLACED', { value: first.value });
      if (first.kind === 'share') throw new KeyferryError('CLI_SHARE_NOT_REPLACED', { value: first.value });
      if (first.kind === 'module') throw new KeyferryError('CLI_MODULE_NOT_REPLACED', {});
      if (first.kind === 'digest') throw new KeyferryError('CLI_DIGEST_NOT_REPLACED', {});
      throw new KeyferryError('CLI_EXPIRY_NOT_REPLACED', { of: EXPIRY_OF[first.kind] });
    }
    const has = (kind: PlaceholderKind) => (kinds.has(kind) ? 'yes' : 'no');
    throw new KeyferryError('CLI_PLACEHOLDERS_NOT_REPLACED', {
      count: this.found.length,
      valuesList,
      media: has('media'),
      share: has('share'),
      module: has('module'),
      digest: has('digest'),
      custody: this.has('custodySplit') ? 'yes' : kinds.has('custodySplit') ? 'people' : 'no',
      expiry: kinds.has('expiry')
        ? 'yes'
        : kinds.has('wrapExpiry')
          ? 'wrap'
          : kinds.has('importExpiry')
            ? 'import'
            : 'no',
    });
  }
}
