/**
 * Addresses and CIDR ranges, as the configuration writes them (`10.0.0.5`, `192.0.2.0/24`, `2001:db8::/32`),
 * and whether a client address is among them. An IPv4 client reached over an IPv6 socket
 * (`::ffff:192.0.2.1`) is the IPv4 address it carries.
 */
import { BlockList, isIPv6 } from 'node:net';

export class AddressList {
  private readonly list = new BlockList();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [written, bits] = entry.split('/') as [string, string | undefined];
      const address = bits === undefined ? unmapped(written) : written;
      const family = isIPv6(address) ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(bits), family);
    }
  }

  has(address: string): boolean {
    const plain = unmapped(address);
    try {
      return this.list.check(plain, isIPv6(plain) ? 'ipv6' : 'ipv4');
    } catch {
      // Not an address at all (a socket already gone has none): it is in no list.
      return false;
    }
  }
}

function unmapped(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}
