/** Records the events an element sends, the way a portal listening on `document` receives them. */
export function recordEvents(types: string[] = ['sel-saved', 'sel-error', 'sel-unauthorized']) {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const type of types) document.addEventListener(type, listener);
  return {
    events,
    of(type: string): CustomEvent[] {
      return events.filter((event) => event.type === type);
    },
    stop(): void {
      for (const type of types) document.removeEventListener(type, listener);
    },
  };
}
