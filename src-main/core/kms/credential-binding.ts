/**
 * Credentials are bound to the endpoint, region and project they were entered or remembered for:
 * a config file's credentials to the connection that file names, remembered credentials to the
 * connection they were remembered with, a session's credentials to the connection they first
 * worked with. Using them for another one (a typo, a hostile config, a swapped journal, a renderer
 * sending another endpoint) is refused before anything is sent, naming both.
 */
import { KeyferryError } from '../errors';
import { phraseValue, type Phrase } from '../../i18n/phrase';
import { resolveEndpoint } from './endpoint';
import { isLoopbackHost } from '../loopback-host';

export interface CredentialBinding {
  /** The endpoint's origin (the region's own when none was given). */
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
}

/** Where bound credentials came from, for the refusal's words (the name is a file or a profile). */
export type BoundCredentialSource =
  | { readonly kind: 'config'; readonly name: string }
  | { readonly kind: 'remembered'; readonly name: string }
  | { readonly kind: 'session' };

/** The binding of a connection: its endpoint (explicit, else the region's) as an origin. */
export function bindingOf(connection: { endpoint?: string; region: string; projectId: string }): CredentialBinding {
  const endpoint = resolveEndpoint({
    region: connection.region,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
  }).origin;
  return { endpoint, region: connection.region, projectId: connection.projectId };
}

interface BindingDifference {
  readonly field: 'endpoint' | 'region' | 'projectId';
  readonly bound: string;
  readonly given: string;
}

/**
 * The first field in which `given` differs from `bound` (endpoint first), or undefined. Endpoints
 * compare as whole origins: another port on the same host is another service.
 */
function bindingDifference(bound: CredentialBinding, given: CredentialBinding): BindingDifference | undefined {
  const fields: BindingDifference[] = [
    { field: 'endpoint', bound: bound.endpoint, given: given.endpoint },
    { field: 'region', bound: bound.region, given: given.region },
    { field: 'projectId', bound: bound.projectId, given: given.projectId },
  ];
  return fields.find((f) => f.bound !== f.given);
}

/**
 * Refuses (CREDENTIALS_BOUND_ELSEWHERE) to use credentials bound to `bound` for `given`;
 * `givenFrom` says where the differing value came from (an option, a file, the journal, the form),
 * as a `credentials.from.*` phrase so the refusal reads in the reader's language.
 */
export function requireBoundConnection(
  source: BoundCredentialSource,
  bound: CredentialBinding,
  given: CredentialBinding,
  givenFrom: (field: BindingDifference['field']) => Phrase,
): void {
  const difference = bindingDifference(bound, given);
  if (!difference) return;
  throw new KeyferryError('CREDENTIALS_BOUND_ELSEWHERE', {
    sourceKind: source.kind,
    sourceName: source.kind === 'session' ? '' : source.name,
    field: difference.field,
    bound: difference.bound,
    given: difference.given,
    givenFromPhrase: phraseValue(givenFrom(difference.field)),
  });
}

/**
 * Credentials from the environment carry no binding of their own: they are sent only to an endpoint
 * named on the command line, the region's own KMS endpoint, or the loopback simulator. An endpoint
 * that only a file (config, journal) names is refused (CREDENTIALS_ENDPOINT_UNCONFIRMED).
 */
export function requireConfirmedEndpoint(input: {
  readonly endpoint: string;
  readonly region: string;
  readonly fromCommandLine: boolean;
  /** Where the endpoint came from (a `credentials.from.*` phrase). */
  readonly from: Phrase;
}): void {
  if (input.fromCommandLine) return;
  const url = new URL(input.endpoint);
  if (isLoopbackHost(url.hostname)) return;
  const regionEndpoint = resolveEndpoint({ region: input.region }).origin;
  if (url.origin === regionEndpoint) return;
  throw new KeyferryError('CREDENTIALS_ENDPOINT_UNCONFIRMED', {
    endpoint: url.origin,
    fromPhrase: phraseValue(input.from),
    regionEndpoint,
  });
}
