// The catalog page: one Preact app whose state is the URL (route.ts), with four views.
import { render } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CompareView } from "./compare";
import { CostView } from "./cost";
import { FindView } from "./find";
import { ModelView } from "./model";
import { DEFAULT_ROUTE, parseRoute, routeHref, withChanges, type Route } from "./route";
import { Link, NavigationContext, type Navigation } from "./ui";

function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.search));
  const heading = useRef<HTMLDivElement>(null);
  const lastView = useRef(route.view + route.id);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.search));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);

  // A new view moves the keyboard focus to its content, as a page load would.
  useEffect(() => {
    const view = route.view + route.id;
    if (view === lastView.current) return;
    lastView.current = view;
    heading.current?.querySelector<HTMLElement>("h1")?.focus();
    scrollTo(0, 0);
  }, [route.view, route.id]);

  const navigation = useMemo<Navigation>(
    () => ({
      route,
      go(next, options) {
        const href = routeHref(next);
        if (options?.replace) history.replaceState(null, "", href);
        else history.pushState(null, "", href);
        setRoute(parseRoute(href.slice(1)));
      },
    }),
    [route],
  );

  const picked = route.pick.length;
  return (
    <NavigationContext.Provider value={navigation}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link to={{ ...DEFAULT_ROUTE, pick: route.pick }} class="brand">
          Model Catalog
        </Link>
        <nav aria-label="Views">
          <Link to={withChanges(route, { view: "find", id: "", history: "" })} class={route.view === "find" ? "current" : ""}>
            Find
          </Link>
          <Link to={withChanges(route, { view: "compare", id: "", history: "" })} class={route.view === "compare" ? "current" : ""}>
            Compare{picked > 0 ? ` (${picked})` : ""}
          </Link>
          <Link to={withChanges(route, { view: "cost", id: "", history: "" })} class={route.view === "cost" ? "current" : ""}>
            Cost
          </Link>
          <a href="/graphql">API playground</a>
        </nav>
      </header>
      <main id="main" ref={heading}>
        {route.view === "find" && <FindView />}
        {route.view === "model" && <ModelView />}
        {route.view === "compare" && <CompareView />}
        {route.view === "cost" && <CostView />}
      </main>
      <footer class="bottom">
        Every value is read from the public GraphQL API at <a href="/graphql">/graphql</a>; each one says which document stated it.
      </footer>
    </NavigationContext.Provider>
  );
}

render(<App />, document.getElementById("app")!);
