import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Page } from './layout.tsx';
import { Aspect } from './pages/Aspect.tsx';
import { Home } from './pages/Home.tsx';
import { Pattern } from './pages/Pattern.tsx';
import { Practice } from './pages/Practice.tsx';
import { Role } from './pages/Role.tsx';
import { Search } from './pages/Search.tsx';
import { Term } from './pages/Term.tsx';
import { Tool } from './pages/Tool.tsx';
import { parseRoute, searchHref, useHash, type Route } from './router.ts';
import './styles.css';

function SearchForm({ query }: { query: string }) {
  return (
    <form
      role="search"
      class="search"
      onSubmit={(event) => {
        event.preventDefault();
        const words = new FormData(event.currentTarget).get('q');
        if (typeof words === 'string' && words.trim() !== '') location.hash = searchHref(words.trim());
      }}
    >
      <label for="search-input">Search the article</label>
      <input id="search-input" name="q" type="search" defaultValue={query} placeholder="BFF, contract testing…" autocomplete="off" />
      <button type="submit">Search</button>
    </form>
  );
}

function PageFor({ route, hash }: { route: Route; hash: string }) {
  switch (route.page) {
    case 'home':
      return <Home route={hash} />;
    case 'search':
      return route.query.trim() === '' ? (
        <Page route={hash} title="Search" busy={false}>
          <h1>Search</h1>
          <p>Type a word or an abbreviation, such as BFF, into the search box.</p>
        </Page>
      ) : (
        <Search route={hash} query={route.query} />
      );
    case 'role':
      return <Role route={hash} slug={route.slug} />;
    case 'pattern':
      return <Pattern route={hash} slug={route.slug} />;
    case 'term':
      return <Term route={hash} slug={route.slug} />;
    case 'tool':
      return <Tool route={hash} slug={route.slug} />;
    case 'practice':
      return <Practice route={hash} slug={route.slug} />;
    case 'aspect':
      return <Aspect route={hash} slug={route.slug} />;
    case 'not-found':
      return (
        <Page route={hash} title="Not found" busy={false}>
          <h1>Not found</h1>
          <p>
            Nothing lives at “{route.path}”. Go back to <a href="#/">the comparison table</a>.
          </p>
        </Page>
      );
  }
}

function App() {
  const hash = useHash();
  const route = parseRoute(hash);
  const first = useRef(true);

  // After a navigation, focus and scroll move to the new page, as they would on a page load.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }, [hash]);

  return (
    <>
      <a class="skip" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header>
        <p class="site">
          <a href="#/">Backend vs API-First</a>
        </p>
        <nav aria-label="Site">
          <a href="#/" aria-current={route.page === 'home' ? 'page' : undefined}>
            Comparison table
          </a>
          <a href="/graphql">GraphQL IDE</a>
        </nav>
        <SearchForm key={route.page === 'search' ? route.query : ''} query={route.page === 'search' ? route.query : ''} />
      </header>
      <PageFor key={hash} route={route} hash={hash} />
      <footer>
        <p>Every page is read from the federated graph at /graphql, by the persisted ids of its trusted operations.</p>
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
