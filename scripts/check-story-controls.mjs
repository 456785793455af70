/* global getComputedStyle */
// The Controls panel of the Playground stories, checked in the browser by scripts/check-stories.mjs: it
// lists the element's public API from custom-elements.json and nothing else, and changing a control
// changes the element on screen (the heading level, the language, a --sel-* token, a ::part() rule, and
// default-region on <sel-phones>). Also: the canvas has a portal-like font, not the browser's serif.
import { readFile } from 'node:fs/promises';

const manifest = JSON.parse(await readFile(new URL('../custom-elements.json', import.meta.url), 'utf8'));

/** The controls a story of `tag` must list: `lang`, the attributes a portal sets, custom properties, parts. */
function publicControls(tag) {
  const declaration = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === tag);
  if (!declaration) return undefined;
  return [
    'lang',
    ...(declaration.attributes ?? []).map((attribute) => attribute.name).filter((name) => name !== 'api-base'),
    ...(declaration.cssProperties ?? []).map((property) => property.name),
    ...(declaration.cssParts ?? []).map((part) => `::part(${part.name})`),
  ].sort();
}

/** What the element shows now, read in the page. */
function readElement(tag) {
  const element = document.querySelector('#storybook-root ' + tag);
  const root = element?.shadowRoot;
  const heading = root?.querySelector('[part~="heading"]');
  const section = root?.querySelector('[part~="section"]');
  return {
    font: getComputedStyle(document.body).fontFamily,
    level: heading?.getAttribute('aria-level'),
    title: heading?.textContent?.trim(),
    transform: heading ? getComputedStyle(heading).textTransform : undefined,
    border: section ? getComputedStyle(section).borderTopColor : undefined,
    text: root?.textContent?.replace(/\s+/g, ' ') ?? '',
  };
}

/** Checks a `…--playground` story once it finished; `problem(text)` records what is wrong. */
export async function judgeControls(page, story, problem) {
  const tag = story.title.match(/sel-[a-z-]+/)?.[0];
  const expected = tag && publicControls(tag);
  if (!expected) return problem(`controls: no element in the manifest for "${story.title}"`);
  const listed = await page.evaluate(() => {
    const include = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.controls?.include;
    return Array.isArray(include) ? [...include].sort() : null;
  });
  if (JSON.stringify(listed) !== JSON.stringify(expected)) {
    problem(`controls: the panel lists ${JSON.stringify(listed)}, the public API is ${JSON.stringify(expected)}`);
  }
  const before = await page.evaluate(readElement, tag);
  if (/Times/i.test(before.font) || !/sans-serif/.test(before.font)) problem(`controls: canvas font ${before.font}`);
  const updatedArgs = {
    'heading-level': 4,
    lang: 'en',
    '--sel-color-section-border': '#000091',
    '::part(heading)': 'text-transform: uppercase',
    ...(tag === 'sel-phones' && { 'default-region': 'RE' }),
  };
  await page.evaluate(
    (storyId, args) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId, updatedArgs: args }),
    story.id,
    updatedArgs,
  );
  const after = await page
    .waitForFunction(
      (name) => {
        const element = document.querySelector('#storybook-root ' + name);
        const heading = element?.shadowRoot?.querySelector('[part~="heading"]');
        return heading?.getAttribute('aria-level') === '4' && element.getAttribute('lang') === 'en';
      },
      { timeout: 5000, polling: 50 },
      tag,
    )
    .then(() => page.evaluate(readElement, tag))
    .catch(() => undefined);
  if (!after) return problem('controls: heading-level and lang did not reach the element');
  // The English catalog is a chunk of its own, downloaded on the first switch: the title follows once it is
  // here, so it is waited for, as a person sees it change, rather than read at once.
  await page
    .waitForFunction(
      (name, frenchTitle) => {
        const heading = document
          .querySelector('#storybook-root ' + name)
          ?.shadowRoot?.querySelector('[part~="heading"]');
        return heading?.textContent?.trim() !== frenchTitle;
      },
      { timeout: 5000, polling: 50 },
      tag,
      before.title,
    )
    .catch(() => undefined);
  Object.assign(after, await page.evaluate(readElement, tag));
  if (after.title === before.title) problem(`controls: lang=en left the title in French (${after.title})`);
  if (after.border !== 'rgb(0, 0, 145)') problem(`controls: --sel-color-section-border gave ${after.border}`);
  if (after.transform !== 'uppercase') problem(`controls: ::part(heading) gave text-transform ${after.transform}`);
  // In Réunion, a number of mainland France is written internationally.
  if (tag === 'sel-phones' && !/\+33 5/.test(after.text)) problem('controls: default-region=RE changed nothing');
}
