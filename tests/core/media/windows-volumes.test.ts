import { describe, expect, it } from 'vitest';
import { parseGetVolumeJson, parseWmicCsv } from '../../../src-main/core/media';

describe('Windows removable drives', () => {
  it('parses Get-Volume JSON, one object or many', () => {
    expect(parseGetVolumeJson('{"DriveLetter":"e","FileSystemLabel":"KEYFERRY"}')).toEqual([
      { label: 'KEYFERRY', mountPoint: 'E:\\', device: 'E:' },
    ]);
    expect(
      parseGetVolumeJson(
        '[{"DriveLetter":"E","FileSystemLabel":""},{"DriveLetter":"F","FileSystemLabel":null},{"DriveLetter":null},{"DriveLetter":"GG"}]',
      ),
    ).toEqual([
      { label: 'E:', mountPoint: 'E:\\', device: 'E:' },
      { label: 'F:', mountPoint: 'F:\\', device: 'F:' },
    ]);
    expect(parseGetVolumeJson('')).toEqual([]);
    expect(parseGetVolumeJson('not json')).toEqual([]);
  });

  it('parses wmic CSV with CRLF line ends', () => {
    const csv = '\r\nNode,DeviceID,VolumeName\r\nDESKTOP,E:,KEYFERRY\r\nDESKTOP,F:,\r\nDESKTOP,bad,\r\n';
    expect(parseWmicCsv(csv)).toEqual([
      { label: 'KEYFERRY', mountPoint: 'E:\\', device: 'E:' },
      { label: 'F:', mountPoint: 'F:\\', device: 'F:' },
    ]);
    expect(parseWmicCsv('')).toEqual([]);
    expect(parseWmicCsv('Node,Other\r\nX,Y')).toEqual([]);
  });
});
