/**
 * One failed load of a shared account is one failure: the first section says it, with the only
 * « Réessayer »; the others say where to look, without an alert of their own.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import { accessibilityTree, type AxNode } from '../../helpers/a11y-tree.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { queryAllByRole, visibleText, waitFor } from '../../helpers/queries.js';
import { allByRole, sectionTestSetup } from '../../helpers/section.js';

const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];

function all(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(all)];
}

describe('a failed load shared by four sections', () => {
  sectionTestSetup();

  it('shows one alert and one « Réessayer »; the other sections point to it; one retry loads them all', async () => {
    const setup = await mockBackend();
    setup.backend.setFault('load', 'server');
    const page = await fixture(html`<main></main>`);
    const sections = TAGS.map((tag) => {
      const el = document.createElement(tag);
      el.setAttribute('api-base', setup.apiBase);
      el.lang = 'fr';
      page.append(el);
      return el;
    });
    await waitFor(() => expect(queryAllByRole(page, 'alert')).to.have.length(1), 8000);
    const [first, ...others] = sections;
    expect(allByRole(first!, 'alert')).to.have.length(1);
    expect(queryAllByRole(page, 'button', 'Réessayer')).to.have.length(1);
    for (const other of others) {
      await waitFor(() =>
        expect(visibleText(other)).to.contain('Réessayer » de la section « Informations générales »'),
      );
    }
    const tree = all(await accessibilityTree());
    expect(
      tree.filter((node) => node.role === 'alert'),
      'alerts in the accessibility tree',
    ).to.have.length(1);

    setup.backend.clearFault('load');
    queryAllByRole(page, 'button', 'Réessayer')[0]!.click();
    await waitFor(
      () => expect(queryAllByRole(page, 'button', /^(Modifier…|Changer de mot de passe…)/)).to.have.length(4),
      8000,
    );
    expect(queryAllByRole(page, 'alert')).to.have.length(0);
  });

  it('the next section takes the alert over when the first one leaves the page', async () => {
    const setup = await mockBackend();
    setup.backend.setFault('load', 'server');
    const page = await fixture(html`<main></main>`);
    const [first, second] = TAGS.slice(0, 2).map((tag) => {
      const el = document.createElement(tag);
      el.setAttribute('api-base', setup.apiBase);
      page.append(el);
      return el;
    });
    await waitFor(() => expect(allByRole(first!, 'alert')).to.have.length(1), 8000);
    first!.remove();
    await waitFor(() => expect(allByRole(second!, 'alert')).to.have.length(1));
    expect(allByRole(second!, 'button', 'Réessayer')).to.have.length(1);
  });
});
