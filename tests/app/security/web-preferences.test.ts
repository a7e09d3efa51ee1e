import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src-main/app/security/web-preferences';

describe('secureWebPreferences', () => {
  it('pins the hardening flags of every window', () => {
    const prefs = secureWebPreferences({ preload: '/app/out/preload/index.js', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      javascript: true,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('gives the print window no preload, no JavaScript and its own partition', () => {
    const prefs = secureWebPreferences({ devTools: false, javascript: false, partition: 'keyferry-print' });
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      partition: 'keyferry-print',
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
  });
});
