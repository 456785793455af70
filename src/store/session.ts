/**
 * Whether the page's session has ended, so that `sel-unauthorized` is announced once per ended session
 * rather than once per element (four sections answered 401 on one page would send the portal to its login
 * four times). Any answer from a backend that proves the session alive starts a new session to report.
 */
let endReported = false;

/** True the first time an ended session is reported; false for the same session's later reports. */
export function reportSessionEnded(): boolean {
  if (endReported) return false;
  endReported = true;
  return true;
}

/** A request succeeded: the session (perhaps a new one, after a login in another tab) is alive. */
export function sessionAlive(): void {
  endReported = false;
}
