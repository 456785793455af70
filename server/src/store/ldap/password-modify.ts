/**
 * The request value of the Password Modify extended operation (RFC 3062). Sent as a Buffer so that ldapts
 * puts the bytes as they are into the request; the value never leaves this process otherwise.
 */
import { BerWriter } from 'ldapts';

export const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

export function passwordModifyValue(request: {
  userIdentity?: string;
  oldPassword?: string;
  newPassword: string;
}): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  if (request.userIdentity !== undefined) writer.writeString(request.userIdentity, 0x80);
  if (request.oldPassword !== undefined) writer.writeString(request.oldPassword, 0x81);
  writer.writeString(request.newPassword, 0x82);
  writer.endSequence();
  return writer.buffer;
}
