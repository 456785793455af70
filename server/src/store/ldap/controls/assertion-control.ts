/**
 * The assertion control (RFC 4528): the directory applies the operation only if the entry matches the
 * filter at that moment, inside the same write. With `(entryCSN=<the version read>)` it is what makes a
 * PATCH race-free: a concurrent change moved entryCSN and the modify fails with assertionFailed (122).
 */
import { BerWriter, Control, EqualityFilter } from 'ldapts';

export class AssertionControl extends Control {
  static readonly OID = '1.3.6.1.1.12';

  constructor(
    private readonly attribute: string,
    private readonly value: string,
  ) {
    // Critical: a directory that ignored the assertion would apply a stale change.
    super(AssertionControl.OID, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    const filter = new BerWriter();
    new EqualityFilter({ attribute: this.attribute, value: this.value }).write(filter);
    writer.writeBuffer(filter.buffer, 0x04);
  }
}
