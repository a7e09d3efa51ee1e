/**
 * The About panel (app menu on macOS, Help menu elsewhere: role 'about'): name, version and build,
 * the licence, the project's address and the icon. Pure, so tests pin what a person reads there;
 * main.ts hands it to `app.setAboutPanelOptions`. Licence, homepage and maintainers come from
 * package.json, the one place packaging (electron-builder) reads them too.
 */
import type { AboutPanelOptionsOptions } from 'electron';
import packageJson from '../../package.json';

/** The licence line every About panel shows (Linux shows `copyright`, not `credits`). */
export const LICENCE_NOTICE = `Licensed under the ${packageJson.license === 'Apache-2.0' ? 'Apache License 2.0' : packageJson.license}; the full text is LICENSE.txt next to the application's resources.`;

export function aboutPanelOptions(identity: {
  name: string;
  version: string;
  build: string;
  iconPath: string;
}): AboutPanelOptionsOptions {
  return {
    applicationName: identity.name,
    applicationVersion: `${identity.version} (build ${identity.build})`,
    version: identity.build,
    copyright: `Copyright © 2026 ${packageJson.author.name}. ${LICENCE_NOTICE}`,
    credits: `${packageJson.description}.\n${packageJson.homepage}`,
    authors: [packageJson.author.name],
    website: packageJson.homepage,
    iconPath: identity.iconPath,
  };
}
