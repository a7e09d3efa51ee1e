import { describe, expect, it } from 'vitest';
import { findDebuggingSwitches } from '../../../src-main/app/security/launch-policy';

const EXE = '/opt/Keyferry/keyferry';

describe('findDebuggingSwitches', () => {
  it('finds nothing in an ordinary launch', () => {
    expect(findDebuggingSwitches([EXE], 'linux')).toEqual([]);
    expect(findDebuggingSwitches([EXE, '--no-sandbox-is-not-debugging', '--user-data-dir=/tmp/x'], 'linux')).toEqual(
      [],
    );
  });

  it.each([
    [['--remote-debugging-port=9222'], ['remote-debugging-port']],
    [['--remote-debugging-pipe'], ['remote-debugging-pipe']],
    [['-remote-debugging-port=0'], ['remote-debugging-port']],
    [['--inspect'], ['inspect']],
    [['--inspect=0.0.0.0:9229'], ['inspect']],
    [['--inspect-brk=9229'], ['inspect-brk']],
    [['--inspect-port=1'], ['inspect-port']],
    [['--INSPECT'], ['inspect']],
    [
      ['--inspect=0', '--remote-debugging-port=0'],
      ['inspect', 'remote-debugging-port'],
    ],
  ])('finds %j', (args, expected) => {
    expect(findDebuggingSwitches([EXE, ...args], 'linux')).toEqual(expected);
  });

  it('does not mistake look-alike names or values for switches', () => {
    expect(findDebuggingSwitches([EXE, '--inspector-theme=dark', '--title=--inspect', 'inspect'], 'linux')).toEqual([]);
  });

  it('reads /switch only on Windows, where Chromium accepts it', () => {
    expect(findDebuggingSwitches(['C:\\Keyferry\\Keyferry.exe', '/remote-debugging-port=9222'], 'win32')).toEqual([
      'remote-debugging-port',
    ]);
    expect(findDebuggingSwitches([EXE, '/inspect'], 'linux')).toEqual([]);
  });
});
