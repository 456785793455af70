import { executeServerCommand } from '@web/test-runner-commands';

export interface AxNode {
  role: string;
  name?: string;
  checked?: boolean | 'mixed';
  pressed?: boolean | 'mixed';
  disabled?: boolean;
  focused?: boolean;
  children?: AxNode[];
}

/** Chrome's accessibility tree of the page, unfiltered: what a screen reader is given. */
export async function accessibilityTree(): Promise<AxNode> {
  return executeServerCommand<AxNode, undefined>('full-a11y-snapshot');
}

export function findAxNode(root: AxNode, test: (node: AxNode) => boolean): AxNode | undefined {
  if (test(root)) return root;
  for (const child of root.children ?? []) {
    const found = findAxNode(child, test);
    if (found) return found;
  }
  return undefined;
}
