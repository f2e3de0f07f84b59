/**
 * The part of the Reflect metadata API that tsyringe needs. @peculiar/x509 registers its
 * algorithms with tsyringe, and tsyringe refuses to load unless `Reflect.getMetadata` exists
 * (it expects the `reflect-metadata` package, which is not a dependency of this project). x509's
 * classes take no constructor parameters, so an empty store answers every lookup correctly.
 * Installed only when absent, so a real polyfill loaded earlier wins.
 */
type MetadataKey = unknown;
type Target = object;

interface ReflectWithMetadata {
  getMetadata?: (key: MetadataKey, target: Target, property?: string | symbol) => unknown;
  getOwnMetadata?: (key: MetadataKey, target: Target, property?: string | symbol) => unknown;
  defineMetadata?: (
    key: MetadataKey,
    value: unknown,
    target: Target,
    property?: string | symbol,
  ) => void;
  hasMetadata?: (key: MetadataKey, target: Target, property?: string | symbol) => boolean;
}

const reflect = Reflect as unknown as ReflectWithMetadata;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<Target, Map<string | symbol | undefined, Map<MetadataKey, unknown>>>();
  const own = (target: Target, property?: string | symbol) => store.get(target)?.get(property);
  const lookUp = (key: MetadataKey, target: Target, property?: string | symbol): unknown => {
    for (let t: Target | null = target; t !== null; t = Object.getPrototypeOf(t) as Target | null) {
      const map = own(t, property);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
  reflect.getOwnMetadata = (key, target, property) => own(target, property)?.get(key);
  reflect.getMetadata = lookUp;
  reflect.hasMetadata = (key, target, property) => lookUp(key, target, property) !== undefined;
  reflect.defineMetadata = (key, value, target, property) => {
    let byProperty = store.get(target);
    if (!byProperty) store.set(target, (byProperty = new Map()));
    let map = byProperty.get(property);
    if (!map) byProperty.set(property, (map = new Map()));
    map.set(key, value);
  };
}

export {};
