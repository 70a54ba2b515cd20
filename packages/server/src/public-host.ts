import { isIP } from 'node:net';

/** IPv4 ranges that are not the public internet: private, loopback, link-local, CGNAT, "this". */
const PRIVATE_V4: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0xe0000000, 3],
];

function v4Number(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function isPrivateV4(address: string): boolean {
  const value = v4Number(address);
  return PRIVATE_V4.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return value >= base && value < base + size;
  });
}

function isPrivateV6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::' || lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return isPrivateV4(mapped[1]);
  // Hex-written IPv4-mapped addresses (`::ffff:7f00:1`): refuse them all rather than decode.
  if (lower.startsWith('::ffff:')) return true;
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

/**
 * False for hostnames that name this machine or a private network: `localhost`, and IP literals
 * in loopback, private, link-local, CGNAT or multicast ranges (v4 and v6). Names are not resolved:
 * the gateway never fetches attachment URLs, and the allowed-host list covers DNS names.
 *
 * @example
 * isPublicHostname('127.0.0.1'); // false
 */
export function isPublicHostname(hostname: string): boolean {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (bare === 'localhost' || bare.endsWith('.localhost')) return false;
  const family = isIP(bare);
  if (family === 4) return !isPrivateV4(bare);
  if (family === 6) return !isPrivateV6(bare);
  return true;
}
