/** The app name and version every manifest records as its creator. */
import packageJson from '../../../package.json';

export interface BundleCreator {
  readonly app: string;
  readonly version: string;
}

export const KEYFERRY_CREATOR: BundleCreator = {
  app: packageJson.productName,
  version: packageJson.version,
};
