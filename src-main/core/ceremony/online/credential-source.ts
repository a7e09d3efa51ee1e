/** Where the credentials of an online ceremony's connection came from, as journaled with kms.connected (never a secret). */
import type { Phrase } from '../../../i18n/phrase';

/** Where a connection's credentials came from: environment, config file, remembered, entered in the app, or the rehearsal simulator. */
export type CredentialSource = Phrase<
  | 'credentials.source.environment'
  | 'credentials.source.config-file'
  | 'credentials.source.remembered'
  | 'credentials.source.entered'
  | 'credentials.source.rehearsal'
>;

/** Where the credentials of a connection came from and the connection they are bound to. */
export interface OnlineCredentialBinding {
  /** Where they came from, as a catalogue phrase (journaled so; each reader sees it in their language). */
  readonly source: CredentialSource;
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
  /** The access key id shortened (first 4 … last 4), or null for a token. */
  readonly accessKeyHint?: string | null;
}
