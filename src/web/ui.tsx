// Small pieces every view uses: navigation through the URL, loading an operation, errors in words.
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { ApiError, graphql } from "./api";
import { routeHref, withChanges, type Route } from "./route";

export interface Navigation {
  route: Route;
  /** Goes to `route`: a new history entry, or in place of this one with `replace` (as-you-type changes). */
  go(route: Route, options?: { replace?: boolean }): void;
}

export const NavigationContext = createContext<Navigation>({ route: undefined as never, go: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** A real link (it opens in a new tab, it can be copied) that moves within the page when simply clicked. */
export function Link(props: { to: Route; children: ComponentChildren; class?: string; "aria-label"?: string }) {
  const { go } = useNavigation();
  const href = routeHref(props.to);
  return (
    <a
      href={href}
      class={props.class}
      aria-label={props["aria-label"]}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        go(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/** A link to a change of the current route. */
export function RouteLink(props: { changes: Partial<Route>; children: ComponentChildren; class?: string; "aria-label"?: string }) {
  const { route } = useNavigation();
  return (
    <Link to={withChanges(route, props.changes)} class={props.class} aria-label={props["aria-label"]}>
      {props.children}
    </Link>
  );
}

export type Loaded<Data> = { state: "loading"; data?: Data } | { state: "done"; data: Data } | { state: "failed"; error: string; data?: Data };

/**
 * Runs an operation whenever `key` changes (the previous request is aborted), keeping the last data
 * shown while the next loads; `query` null runs nothing.
 */
export function useQuery<Data>(query: string | null, variables: Record<string, unknown>, key: string): Loaded<Data> {
  const [loaded, setLoaded] = useState<Loaded<Data>>({ state: "loading" });
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    setLoaded((previous) => ({ state: "loading", data: previous.data }));
    graphql<Data>(query, variables, controller.signal).then(
      (data) => setLoaded({ state: "done", data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded((previous) => ({ state: "failed", error: error instanceof ApiError ? error.message : `Unexpected error: ${String(error)}`, data: previous.data }));
      },
    );
    return () => controller.abort();
  }, [query, key]);
  return loaded;
}

export function ErrorMessage(props: { error: string }) {
  return (
    <p class="error" role="alert">
      {props.error}
    </p>
  );
}

export function Status(props: { loaded: Loaded<unknown>; what: string }) {
  if (props.loaded.state === "failed") return <ErrorMessage error={props.loaded.error} />;
  return (
    <p class="status" role="status" aria-live="polite">
      {props.loaded.state === "loading" ? `Loading ${props.what}…` : ""}
    </p>
  );
}
