/**
 * Which of the sections sharing an account store tells the person that the account could not be loaded.
 * One failed GET is one failure: four red alerts and four « Réessayer » for it would be read out four
 * times and ask four times for the same thing. The first section in the page shows the alert and the
 * button; the others point to it.
 */
import type { SharedAccount } from '../../store/shared-account.js';

export interface FailureReporter {
  readonly element: HTMLElement;
  /** The section's title, as its heading shows it: the others name it. */
  title(): string;
  requestUpdate(): void;
}

const reportersByStore = new WeakMap<SharedAccount, FailureReporter[]>();

/** Counts `reporter` among the sections of `store`; returns what takes it out again. */
export function joinFailureReporters(store: SharedAccount, reporter: FailureReporter): () => void {
  const reporters = reportersByStore.get(store) ?? [];
  reportersByStore.set(store, reporters);
  reporters.push(reporter);
  notify(reporters);
  return () => {
    const index = reporters.indexOf(reporter);
    if (index >= 0) reporters.splice(index, 1);
    notify(reporters);
  };
}

/** The section that shows the failure of `store`: the first in the page, else the first to connect. */
export function failureReporterOf(store: SharedAccount): FailureReporter | undefined {
  const reporters = reportersByStore.get(store) ?? [];
  return reporters.reduce<FailureReporter | undefined>((first, candidate) => {
    if (!first) return candidate;
    const position = first.element.compareDocumentPosition(candidate.element);
    // Elements in different trees (shadow roots of a portal) are not ordered: keep the first connected.
    const inSameTree = (position & Node.DOCUMENT_POSITION_DISCONNECTED) === 0;
    return inSameTree && position & Node.DOCUMENT_POSITION_PRECEDING ? candidate : first;
  }, undefined);
}

function notify(reporters: readonly FailureReporter[]): void {
  for (const reporter of reporters) reporter.requestUpdate();
}
