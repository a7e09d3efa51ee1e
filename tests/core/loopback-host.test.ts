/** This computer's host names and the simulator's endpoint (plain http on one of them). */
import { describe, expect, it } from 'vitest';
import {
  isLoopbackHost,
  isSimulatorEndpoint,
  isSimulatorUrl,
  simulatedRegionOf,
} from '../../src-main/core/loopback-host';

describe('loopback hosts and simulated regions', () => {
  it('knows this computer by its names, and a simulated region by kms.<region>.localhost', () => {
    for (const host of ['127.0.0.1', 'LOCALHOST', '[::1]', 'kms.cn-north-4.localhost']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['127.0.0.2', 'localhost.example.com', 'kms.localhost', 'x.kms.cn-north-4.localhost', '::1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
    expect(simulatedRegionOf('kms.ap-southeast-1.localhost')).toBe('ap-southeast-1');
    expect(simulatedRegionOf('kms.ap-southeast-1.myhuaweicloud.com')).toBeUndefined();
  });

  it('takes plain http on this computer for the simulator, and nothing else', () => {
    for (const url of ['http://127.0.0.1:8790', 'http://[::1]:8790', 'http://kms.cn-east-3.localhost:8790'])
      expect(isSimulatorUrl(new URL(url)), url).toBe(true);
    for (const url of ['https://127.0.0.1:8443', 'http://10.0.0.5:8790', 'https://kms.cn-north-4.myhuaweicloud.com'])
      expect(isSimulatorUrl(new URL(url)), url).toBe(false);
    // As journaled: text, which may be no URL at all.
    expect(isSimulatorEndpoint('http://127.0.0.1:8790')).toBe(true);
    expect(isSimulatorEndpoint('not a url')).toBe(false);
  });
});
