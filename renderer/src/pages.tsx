// Every page is its own chunk: the first screen parses only the shell and the page it shows, and the
// chunk for the route being opened starts loading at once, in parallel with the page's data.
import { Spin } from 'antd';
import { lazy, Suspense, useState, type ComponentProps, type ComponentType } from 'react';
import { prefetch } from './api/prefetch';
import { parseRoute, type Route } from './route';

const loaders = {
  home: () => import('./features/home/HomePage').then((m) => m.HomePage),
  settings: () => import('./features/settings/SettingsPage').then((m) => m.SettingsPage),
  plans: () => import('./features/plans/PlansPage').then((m) => m.PlansPage),
  planEditor: () => import('./features/plans/PlanEditorPage').then((m) => m.PlanEditorPage),
  merge: () => import('./features/plans/MergePage').then((m) => m.MergePage),
  drills: () => import('./features/drills/DrillsPage').then((m) => m.DrillsPage),
  drill: () => import('./features/drills/DrillPage').then((m) => m.DrillPage),
  scripts: () => import('./features/scripts/ScriptsPage').then((m) => m.ScriptsPage),
  scriptEditor: () => import('./features/scripts/ScriptEditorPage').then((m) => m.ScriptEditorPage),
  console: () => import('./features/scripts/ConsolePage').then((m) => m.ConsolePage),
  presenter: () => import('./features/scripts/PresenterPage').then((m) => m.PresenterPage),
  evaluation: () => import('./features/evaluation/EvaluationPage').then((m) => m.EvaluationPage),
  drillEvaluation: () => import('./features/evaluation/DrillEvaluationPage').then((m) => m.DrillEvaluationPage),
  templates: () => import('./features/templates/TemplatesPage').then((m) => m.TemplatesPage),
};
type PageName = keyof typeof loaders;
type PageProps = { [K in PageName]: ComponentProps<Awaited<ReturnType<(typeof loaders)[K]>>> };

/** Which page a route shows. */
function pageOf({ key, params }: Route): PageName {
  switch (key) {
    case 'plans':
      if (params[0] && params[1] === 'merge' && params[2]) return 'merge';
      return params[0] ? 'planEditor' : 'plans';
    case 'drills':
      return params[0] ? 'drill' : 'drills';
    case 'scripts':
      if (params[0] && params[1] === 'present') return 'presenter';
      if (params[0] && params[1] === 'run') return 'console';
      return params[0] ? 'scriptEditor' : 'scripts';
    case 'evaluation':
      return params[0] ? 'drillEvaluation' : 'evaluation';
    default:
      return key;
  }
}

/**
 * From the first route on, starts what opening each route needs as soon as the hash changes: the page's
 * chunk and, for a plan, the plan itself, in parallel. Not the plan when leaving a plan's editor: that
 * editor sends its last save as it unmounts, after this, so the next page must read the plan itself.
 */
export function followRoutes(): void {
  let current = parseRoute(window.location.hash);
  const open = (route: Route, withData: boolean) => {
    preloadPage(route);
    if (withData && pageOf(route) === 'planEditor') prefetch('plan.get', { id: route.params[0]! });
  };
  open(current, true);
  window.addEventListener('hashchange', () => {
    const next = parseRoute(window.location.hash);
    open(next, pageOf(current) !== 'planEditor');
    current = next;
  });
}

/** The plan editor is the page most opened from others: its chunk loads when the app is idle. */
export function preloadEditorWhenIdle(): void {
  window.requestIdleCallback(() => void load('planEditor').catch(() => undefined), { timeout: 5000 });
}

/** Pages whose chunk has loaded, by name: they render at once, without suspending. */
const ready = new Map<PageName, ComponentType<never>>();

function load<K extends PageName>(name: K) {
  return loaders[name]().then((page) => {
    ready.set(name, page as ComponentType<never>);
    return page;
  });
}

/** Starts loading the chunk of the page a route shows (a no-op when it is already loaded). */
function preloadPage(route: Route): void {
  void load(pageOf(route)).catch(() => undefined);
}

/**
 * A page from its chunk. A page whose chunk has loaded (preloaded with its route) renders directly: a
 * suspended page is revealed on React's 300 ms fallback throttle, which would hold the page back for nothing.
 */
function lazyPage<K extends PageName>(name: K): ComponentType<PageProps[K]> {
  const Lazy = lazy(async () => ({ default: (await load(name)) as ComponentType<object> }));
  return function Page(props: PageProps[K]) {
    // Decided once per mount: switching between the two would remount the page.
    const [Loaded] = useState(() => ready.get(name) as ComponentType<object> | undefined);
    if (Loaded) return <Loaded {...(props as object)} />;
    return (
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <Lazy {...(props as object)} />
      </Suspense>
    );
  };
}

export const HomePage = lazyPage('home');
export const SettingsPage = lazyPage('settings');
export const PlansPage = lazyPage('plans');
export const PlanEditorPage = lazyPage('planEditor');
export const MergePage = lazyPage('merge');
export const DrillsPage = lazyPage('drills');
export const DrillPage = lazyPage('drill');
export const ScriptsPage = lazyPage('scripts');
export const ScriptEditorPage = lazyPage('scriptEditor');
export const ConsolePage = lazyPage('console');
export const PresenterPage = lazyPage('presenter');
export const EvaluationPage = lazyPage('evaluation');
export const DrillEvaluationPage = lazyPage('drillEvaluation');
export const TemplatesPage = lazyPage('templates');
