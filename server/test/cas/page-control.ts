/**
 * A control inside one of the elements, found the way a screen reader finds it: by its role and accessible
 * name, through the shadow root.
 */
import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';

export async function control(page: Page, tag: string, role: string, name: string): Promise<ElementHandle<Element>> {
  const hostElement = await page.waitForSelector(tag);
  assert.ok(hostElement, tag);
  const element = await hostElement.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`);
  assert.ok(element, `${role} « ${name} » in ${tag}`);
  return element;
}
