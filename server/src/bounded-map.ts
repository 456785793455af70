/**
 * A Map of at most `capacity` entries: past it, the entry set longest ago goes. For keys that clients choose
 * (cookie values, single-logout tickets), so that memory stays bounded whatever they send.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  override set(key: K, value: V): this {
    // Deleted first, so that a key set again counts as the newest.
    this.delete(key);
    if (this.size >= this.capacity) this.delete(this.keys().next().value!);
    return super.set(key, value);
  }
}
