// The « Mon compte » page of a React portal: the four tags with no declaration file of the application's
// own (the types come from `sel-widgets/react`), the adapter passed as a prop, the events handled by React.
import { useEffect, useState } from 'react';
import { RestAdapter } from 'sel-widgets/react';

// One adapter for the page: the four elements share its account state and make one GET.
const adapter = new RestAdapter({ baseUrl: '/api/sel' });

export function App() {
  const [saved, setSaved] = useState<string[]>([]);
  const [unauthorized, setUnauthorized] = useState(0);
  const onUnauthorized = () => setUnauthorized((count) => count + 1);
  // Counts effect runs, so the test can tell that strict mode did mount the page twice (development only).
  useEffect(() => {
    document.body.dataset['mounts'] = String(Number(document.body.dataset['mounts'] ?? 0) + 1);
  }, []);

  return (
    <main>
      <h1>Mon compte</h1>
      <sel-general-info adapter={adapter} onsel-unauthorized={onUnauthorized}></sel-general-info>
      <sel-phones adapter={adapter} default-region="FR" onsel-unauthorized={onUnauthorized}></sel-phones>
      <sel-redlist
        adapter={adapter}
        onsel-saved={(event) => setSaved((sections) => [...sections, event.detail.section])}
        onsel-unauthorized={onUnauthorized}
      ></sel-redlist>
      <sel-password-change adapter={adapter} onsel-unauthorized={onUnauthorized}></sel-password-change>
      <p>
        Enregistré : <output id="saved">{saved.join(', ')}</output>
      </p>
      <p>
        Session terminée : <output id="unauthorized">{unauthorized}</output>
      </p>
    </main>
  );
}
