/**
 * Proxied authorization v2 (RFC 4370): the service account asks the directory to perform one operation as
 * the person. The directory then applies the person's own ACLs (self-only attributes) and ppolicy as for
 * the person, and allows it only where the service account's `authzTo` says so.
 */
import { BerWriter, Control } from 'ldapts';

export class ProxiedAuthorizationControl extends Control {
  static readonly OID = '2.16.840.1.113730.3.4.18';

  constructor(private readonly dn: string) {
    // RFC 4370 requires it critical: an operation must never silently run as the service account instead.
    super(ProxiedAuthorizationControl.OID, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    // The value is the authzId itself, not wrapped in a sequence.
    writer.writeString(`dn:${this.dn}`, 0x04);
  }
}
