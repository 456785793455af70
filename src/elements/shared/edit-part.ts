import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A section's edit form downloaded on demand (lazy-part.ts): fetched ahead when « Modifier… » is hovered or
 * focused, so that the click usually finds it here; awaited when the click comes first (« Modifier… » then
 * says it is busy); a failed download kept as `failed`, for the view to say so with « Réessayer ». The view
 * never waits for it.
 */
export class EditPart<T> implements ReactiveController {
  /** The downloaded part, once here. */
  part: T | undefined;
  /** « Modifier… » was pressed and the part is still on its way. */
  awaited = false;
  /** The last download asked for by the person failed. */
  failed = false;

  /**
   * `load`: the memoised import, read at each call (tests replace it to hold or fail the download).
   * `name`: the element, for the console message of a failed download.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
    private readonly name: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Hover or focus on « Modifier… ». A failure here is not shown: the click tries again and says so. */
  readonly prefetch = (): void => {
    if (this.part) return;
    this.load().then(
      (part) => {
        if (this.part) return;
        this.part = part;
        this.host.requestUpdate();
      },
      () => undefined,
    );
  };

  /** The part, downloading it if needed; `undefined` when that failed (`failed` is then true). */
  async open(): Promise<T | undefined> {
    if (this.part) return this.part;
    this.awaited = true;
    this.failed = false;
    this.host.requestUpdate();
    try {
      this.part = await this.load();
    } catch (error) {
      console.error(`<${this.name}> could not download its edit form.`, error);
      this.failed = true;
    }
    this.awaited = false;
    this.host.requestUpdate();
    return this.part;
  }
}
