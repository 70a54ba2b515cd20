import { type ComponentType, lazy, type ReactElement, Suspense, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * A part whose code is fetched (`import()`) the first time there is something to show, so a
 * storefront's first chunk does not carry it.
 *
 * `select` runs in the first chunk, with the part's public props: it reads whatever the part
 * needs from hooks (the language, the client, the store) and returns the part's props, or `null`
 * when there is nothing to show (then nothing is fetched). The part itself imports nothing but
 * React: anything it imported from the first chunk would make the bundler split that into a
 * chunk of its own, one more file to load before the widget renders
 * (`src/lazy-parts.test.ts` checks it). Nothing renders during server rendering and hydration.
 */
export function lazyPart<Props, PartProps extends object>(
  load: () => Promise<ComponentType<PartProps>>,
  select: (props: Props) => PartProps | null,
): (props: Props) => ReactElement | null {
  const Part = lazy(() => load().then((component) => ({ default: component })));
  return (props: Props) => {
    const partProps = select(props);
    const mounted = useSyncExternalStore(
      noSubscription,
      () => true,
      () => false,
    );
    if (!partProps || !mounted) return null;
    return (
      <Suspense fallback={null}>
        <Part {...partProps} />
      </Suspense>
    );
  };
}
