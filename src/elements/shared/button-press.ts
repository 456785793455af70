/**
 * Whether a pointer is pressing one of a form's buttons right now. A field blurs within that press; a
 * message appearing on that blur would push the button down between the press and the release, and the
 * click would be lost. So a blur check skips while `pressing` and lets the button decide; leaving the
 * field with Tab still checks. Listen with `@pointerdown=${press.onPointerDown}` on the form.
 */
export class ButtonPress {
  pressing = false;

  readonly onPointerDown = (event: PointerEvent): void => {
    if (!(event.target instanceof Element) || !event.target.closest('button')) return;
    this.pressing = true;
    // The field blurs within this same press; the flag is for that blur only.
    setTimeout(() => (this.pressing = false));
  };
}
