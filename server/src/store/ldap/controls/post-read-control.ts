/**
 * The post-read control (RFC 4527): the directory returns chosen attributes of the entry as they are right
 * after the change, in the same answer. Used to learn the new entryCSN (the new ETag) without a second
 * search that could see a later change.
 */
import { Ber, BerReader, BerWriter, Control } from 'ldapts';

const SEARCH_RESULT_ENTRY_TAG = 0x64; // [APPLICATION 4]

export class PostReadControl extends Control {
  static readonly OID = '1.3.6.1.1.13.2';

  /** Values by attribute name in lower case, filled from the answer. */
  readonly values = new Map<string, string[]>();

  constructor(private readonly attributes: string[]) {
    super(PostReadControl.OID);
  }

  protected override writeControl(writer: BerWriter): void {
    const selection = new BerWriter();
    selection.startSequence();
    for (const attribute of this.attributes) selection.writeString(attribute);
    selection.endSequence();
    writer.writeBuffer(selection.buffer, 0x04);
  }

  protected override parseControl(reader: BerReader): void {
    if (reader.readSequence(SEARCH_RESULT_ENTRY_TAG) === null) return;
    reader.readString(); // the entry's DN
    if (reader.readSequence() === null) return;
    const end = reader.offset + reader.length;
    while (reader.offset < end) {
      reader.readSequence();
      const type = (reader.readString() ?? '').toLowerCase();
      const values: string[] = [];
      if (reader.readSequence(Ber.Set | Ber.Constructor) !== null) {
        const valuesEnd = reader.offset + reader.length;
        while (reader.offset < valuesEnd) values.push(reader.readString() ?? '');
      }
      this.values.set(type, values);
    }
  }
}
