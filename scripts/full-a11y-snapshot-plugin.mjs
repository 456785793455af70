// A test-runner command returning Chrome's whole accessibility tree. The stock a11y-snapshot keeps only
// "interesting" nodes and drops grouping roles such as radiogroup, whose name is exactly what we check.
export function fullA11ySnapshotPlugin() {
  return {
    name: 'full-a11y-snapshot',
    async executeCommand({ command, session }) {
      if (command !== 'full-a11y-snapshot') return undefined;
      const page = session.browser.getPage(session.id);
      return page.accessibility.snapshot({ interestingOnly: false });
    },
  };
}
