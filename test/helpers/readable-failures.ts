/**
 * A failed `expect(node).to.equal(otherNode)` keeps both DOM nodes on the error. The test runner then
 * serialises their whole object graph to report it, and the test file hangs until its time limit with
 * "0 passed" instead of naming the failure. Replacing the nodes by a short description after each test
 * keeps failures fast and readable. Imported for its side effect by the query helpers.
 */
function describeNode(node: Node): string {
  if (!(node instanceof Element)) return node.nodeName;
  const name = node.getAttribute('aria-label') ?? node.textContent?.replace(/\s+/g, ' ').trim().slice(0, 60) ?? '';
  return `<${node.localName}${node.id ? `#${node.id}` : ''}> ${JSON.stringify(name)}`;
}

afterEach(function () {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  if (error.actual instanceof Node) error.actual = describeNode(error.actual);
  if (error.expected instanceof Node) error.expected = describeNode(error.expected);
});
