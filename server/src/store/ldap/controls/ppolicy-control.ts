/**
 * The password policy control (draft-behera-ldap-password-policy), request and response in one object:
 * ldapts hands a response control it does not know to the request control with the same OID, so after a
 * bind or a Password Modify resolves or throws, `error` and the warnings of ppolicy are read here.
 */
import { BerReader, Control } from 'ldapts';

/** The `error` values of PasswordPolicyResponseValue, as slapd 2.5 sends them. */
export const PPOLICY_ERRORS = {
  passwordExpired: 0,
  accountLocked: 1,
  changeAfterReset: 2,
  passwordModNotAllowed: 3,
  mustSupplyOldPassword: 4,
  insufficientPasswordQuality: 5,
  passwordTooShort: 6,
  passwordTooYoung: 7,
  passwordInHistory: 8,
  passwordTooLong: 9,
} as const;

const WARNING_TAG = 0xa0; // [0] constructed: the CHOICE of warnings
const TIME_BEFORE_EXPIRATION_TAG = 0x80;
const GRACE_AUTHNS_REMAINING_TAG = 0x81;
const ERROR_TAG = 0x81; // [1] ENUMERATED, implicit

export class PasswordPolicyControl extends Control {
  static readonly OID = '1.3.6.1.4.1.42.2.27.8.5.1';

  /** ppolicy's error, when the answer carried one. */
  error?: number;
  timeBeforeExpiration?: number;
  graceAuthNsRemaining?: number;

  constructor() {
    super(PasswordPolicyControl.OID);
  }

  // The request has no value: writeControl stays the default.

  protected override parseControl(reader: BerReader): void {
    if (reader.readSequence() === null) return;
    const end = reader.offset + reader.length;
    while (reader.offset < end) {
      const tag = reader.peek();
      if (tag === WARNING_TAG) {
        reader.readSequence(WARNING_TAG);
        const choice = reader.peek();
        // Implicitly tagged INTEGER / ENUMERATED: read with their own context tag.
        if (choice === TIME_BEFORE_EXPIRATION_TAG) this.timeBeforeExpiration = reader.readTag(choice) ?? undefined;
        else if (choice === GRACE_AUTHNS_REMAINING_TAG) this.graceAuthNsRemaining = reader.readTag(choice) ?? undefined;
      } else if (tag === ERROR_TAG) {
        this.error = reader.readTag(ERROR_TAG) ?? undefined;
      } else {
        return;
      }
    }
  }
}
