/**
 * A line of another ceremony's journal put into this one: where verification breaks, the line may
 * say which ceremony it belongs to. Only the entries that bind a journal to its ceremony say so
 * (`ceremony.started` on the online side, `parameters.read` on the air-gapped side, with
 * `ceremonyId`; the title from `ceremony.started` or `ceremony.session-started`). The broken
 * line is not trusted for anything else: nothing but its ceremony id (as the id pattern allows)
 * and title is read from it.
 */
import { CEREMONY_ID_PATTERN } from '../identifiers';

/** The events that record the ceremony id of the journal they are in. */
const CEREMONY_ID_EVENTS: ReadonlySet<string> = new Set(['ceremony.started', 'parameters.read']);
/** The events that record the ceremony's title. */
const TITLE_EVENTS: ReadonlySet<string> = new Set(['ceremony.started', 'ceremony.session-started']);
const MAX_TITLE = 200;

interface LineCeremony {
  /** The line's event, when it names one (the entry that recorded the id tells a journal's side). */
  readonly event?: string;
  readonly ceremonyId?: string;
  readonly title?: string;
}

/** The ceremony a line records, as far as it reads (nothing when it is not a JSON entry). */
export function lineCeremony(text: string): LineCeremony {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const { event, data } = parsed as { event?: unknown; data?: unknown };
  if (typeof event !== 'string' || typeof data !== 'object' || data === null) return {};
  const { ceremonyId, title } = data as { ceremonyId?: unknown; title?: unknown };
  return {
    event,
    ...(CEREMONY_ID_EVENTS.has(event) && typeof ceremonyId === 'string' && CEREMONY_ID_PATTERN.test(ceremonyId)
      ? { ceremonyId }
      : {}),
    ...(TITLE_EVENTS.has(event) && typeof title === 'string' && title.length > 0
      ? { title: title.slice(0, MAX_TITLE) }
      : {}),
  };
}

/**
 * The ceremony a journal's first lines record (its id and its title, each from the first line that
 * records it: an air-gapped journal's id is in its parameters entry, after its first), as far as they read.
 */
export function journalCeremony(lines: readonly string[]): { ceremonyId?: string; title?: string } {
  const read = lines.map(lineCeremony);
  const ceremonyId = read.find((c) => c.ceremonyId !== undefined)?.ceremonyId;
  const title = read.find((c) => c.title !== undefined)?.title;
  return { ...(ceremonyId === undefined ? {} : { ceremonyId }), ...(title === undefined ? {} : { title }) };
}

/** The other ceremony line `line` of a journal records, and the journal's own. */
interface ForeignLine {
  readonly ceremonyId: string;
  readonly title?: string;
  readonly ownCeremonyId: string;
}

/**
 * When verification of `content` broke at `line` (1-based) and that line records a ceremony id
 * other than the one the verified lines before it record: that ceremony (and its title, when the
 * line records one). Undefined when either id is not recorded, or they are the same.
 */
export function foreignCeremonyLine(content: Uint8Array, line: number): ForeignLine | undefined {
  const lines = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8').split('\n');
  const broken = lines[line - 1];
  if (broken === undefined || line < 2) return undefined;
  const own = journalCeremony(lines.slice(0, line - 1)).ceremonyId;
  const other = lineCeremony(broken);
  if (own === undefined || other.ceremonyId === undefined || other.ceremonyId === own) return undefined;
  return {
    ceremonyId: other.ceremonyId,
    ...(other.title === undefined ? {} : { title: other.title }),
    ownCeremonyId: own,
  };
}
