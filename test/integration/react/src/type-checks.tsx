// Compiled by `npm run typecheck`, never rendered: the generated types must refuse what a portal gets wrong.
import { RestAdapter } from 'sel-widgets/react';

const adapter = new RestAdapter({ baseUrl: '/api/sel' });

export const checks = (
  <>
    {/* @ts-expect-error the adapter is an object implementing SelAdapter, not a string */}
    <sel-phones adapter="/api/sel"></sel-phones>
    {/* @ts-expect-error no such tag */}
    <sel-phone adapter={adapter}></sel-phone>
    <sel-redlist
      adapter={adapter}
      onsel-saved={(event) => {
        const section: 'redList' = event.detail.section;
        // @ts-expect-error the detail is typed, not `any`: it has no such field
        return [section, event.detail.nonexistent];
      }}
    ></sel-redlist>
  </>
);
